"""The benchmark's queries, written once per engine. Each engine runs in its own process (see bench.py)."""

# (id, what it asks, solieu statement, DuckDB SQL)
QUERIES = [
    ("b", "poverty rate by province, one year",
     "show rate by province year=2022",
     "SELECT province, 100 * avg(poor) AS rate FROM h WHERE year = 2022 GROUP BY province"),
    ("c", "compare Ninh Bình 2021..2023 on that rate",
     "compare province=Ninh Bình year=2021..2023 rate",
     "SELECT year, 100 * avg(poor) AS rate FROM h WHERE province = 'Ninh Bình' AND year BETWEEN 2021 AND 2023 GROUP BY year"),
    ("d", "top 10 provinces by mean income, 2022",
     "rank province by mean(income) year=2022 top 10",
     "SELECT province, avg(income) AS m FROM h WHERE year = 2022 GROUP BY province ORDER BY m DESC LIMIT 10"),
    ("e", "count and mean income by province × year × ethnic_minority",
     "show count(), mean(income) by province year ethnic_minority",
     "SELECT province, year, ethnic_minority, count(*) AS n, avg(income) AS m FROM h GROUP BY ALL"),
    ("f", "filtered count: income < 1500 and members >= 5",
     "count income<1500 members>=5",
     "SELECT count(*) FROM h WHERE income < 1500 AND members >= 5"),
]


def polars_query(pl, df, qid):
    """The same questions in Polars' eager API, as an analyst would write them."""
    c = pl.col
    if qid == "b":
        return df.filter(c("year") == 2022).group_by("province").agg((c("poor").mean() * 100).alias("rate"))
    if qid == "c":
        return (df.filter((c("province") == "Ninh Bình") & c("year").is_between(2021, 2023))
                  .group_by("year").agg((c("poor").mean() * 100).alias("rate")))
    if qid == "d":
        return (df.filter(c("year") == 2022).group_by("province").agg(c("income").mean().alias("m"))
                  .sort("m", descending=True).head(10))
    if qid == "e":
        return df.group_by(["province", "year", "ethnic_minority"]).agg(pl.len().alias("n"), c("income").mean().alias("m"))
    if qid == "f":
        return df.filter((c("income") < 1500) & (c("members") >= 5)).height
    raise ValueError(qid)
