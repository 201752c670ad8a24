print("solieu")
