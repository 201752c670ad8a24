"""The benchmark's queries, written once per engine and path. Each engine runs in its own process (see bench.py).

Every query is asked of DuckDB in SQL, and of Polars three ways: eagerly (the way an analyst first writes it,
each step materialised), lazily (`df.lazy() … .collect()`, which lets Polars plan the whole query: its
documented fast path) and in SQL (`pl.SQLContext`, also planned lazily). The ratio in bench.py uses the best
of all four.

`h` is the household table; `g` is the gazetteer (datasets/provinces.csv: code, name, region, …), which the
peers join to get each household's region, where solieu derives `region` when the table is added.
"""

FIVE_PROVINCES = ["Hà Nội", "Ninh Bình", "Kon Tum", "Cần Thơ", "Bắc Kạn"]
_five_sql = ", ".join(f"'{p}'" for p in FIVE_PROVINCES)

# (id, what it asks, solieu statement, SQL for DuckDB and Polars' SQLContext)
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
     "SELECT province, year, ethnic_minority, count(*) AS n, avg(income) AS m FROM h GROUP BY province, year, ethnic_minority"),
    ("f", "filtered count: income < 1500 and members >= 5",
     "count income<1500 members>=5",
     "SELECT count(*) FROM h WHERE income < 1500 AND members >= 5"),
    ("h", "mean income by province × year (a trend over the years)",
     "show mean(income) by province year",
     "SELECT province, year, avg(income) AS m FROM h GROUP BY province, year"),
    ("i", "rank five named provinces by mean income",
     f"rank province by mean(income) province={','.join(FIVE_PROVINCES)}",
     f"SELECT province, avg(income) AS m FROM h WHERE province IN ({_five_sql}) GROUP BY province ORDER BY m DESC"),
    ("j", "count distinct district by province",
     "show count_distinct(district) by province",
     "SELECT province, count(DISTINCT district) AS n FROM h GROUP BY province"),
    ("k", "median income by province",
     "show median(income) by province",
     "SELECT province, median(income) AS m FROM h GROUP BY province"),
    ("l", "mean income by region (the peers join the gazetteer)",
     "show mean(income) by region",
     "SELECT g.region, avg(h.income) AS m FROM h JOIN g ON h.province = g.name GROUP BY g.region"),
    ("m", "count and mean income by province × urban × ethnic_minority, one year (a tenth of the rows)",
     "show count(), mean(income) by province urban ethnic_minority year=2022",
     "SELECT province, urban, ethnic_minority, count(*) AS n, avg(income) AS m FROM h WHERE year = 2022 "
     "GROUP BY province, urban, ethnic_minority"),
]

# The peer paths, in the order the tables print them.
PATHS = ["duckdb", "polars-eager", "polars-lazy", "polars-sql"]


def polars_query(pl, frame, gazetteer, qid):
    """The same questions in Polars' expression API; `frame` is a DataFrame (eager) or a LazyFrame (lazy).

    Returns a frame of the same kind, except (f), which returns the count (eager) or a one-cell frame (lazy).
    """
    c = pl.col
    lazy = isinstance(frame, pl.LazyFrame)
    if qid == "b":
        return frame.filter(c("year") == 2022).group_by("province").agg((c("poor").mean() * 100).alias("rate"))
    if qid == "c":
        return (frame.filter((c("province") == "Ninh Bình") & c("year").is_between(2021, 2023))
                     .group_by("year").agg((c("poor").mean() * 100).alias("rate")))
    if qid == "d":
        return (frame.filter(c("year") == 2022).group_by("province").agg(c("income").mean().alias("m"))
                     .sort("m", descending=True).head(10))
    if qid == "e":
        return frame.group_by(["province", "year", "ethnic_minority"]).agg(pl.len().alias("n"), c("income").mean().alias("m"))
    if qid == "f":
        kept = frame.filter((c("income") < 1500) & (c("members") >= 5))
        return kept.select(pl.len()) if lazy else kept.height
    if qid == "h":
        return frame.group_by(["province", "year"]).agg(c("income").mean().alias("m"))
    if qid == "i":
        return (frame.filter(c("province").is_in(FIVE_PROVINCES)).group_by("province")
                     .agg(c("income").mean().alias("m")).sort("m", descending=True))
    if qid == "j":
        return frame.group_by("province").agg(c("district").n_unique().alias("n"))
    if qid == "k":
        return frame.group_by("province").agg(c("income").median().alias("m"))
    if qid == "l":
        g = gazetteer.lazy() if lazy else gazetteer
        return (frame.join(g.select("name", "region"), left_on="province", right_on="name")
                     .group_by("region").agg(c("income").mean().alias("m")))
    if qid == "m":
        return (frame.filter(c("year") == 2022).group_by(["province", "urban", "ethnic_minority"])
                     .agg(pl.len().alias("n"), c("income").mean().alias("m")))
    raise ValueError(qid)
