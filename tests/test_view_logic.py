"""How the views choose and derive, on tests/tiny.py's fictional package: each case is built
inline, so the rule a view applies is visible in the test (the real data's values are in
tests/test_views.py)."""
import labour2016
from tiny import CANDIDATES, ENTITIES, SOURCES, VOTES, tiny

# A second fictional source, more reliable than the one the election row cites.
WIRE = (SOURCES.replace("fictional-result,A fictional result (test data),Test Gazette",
                        "fictional-wire,A fictional wire report (test data),Test Wire").replace(",low,", ",high,"))


def results(pkg):
    con = labour2016.connect(base=pkg)
    return con.execute("select candidate_id, votes, source_id, share_pct, share_basis, why from results "
                       "order by candidate_id").fetchall()


def test_a_more_reliable_count_is_chosen_over_the_cited_sources_and_says_so(tmp_path):
    votes = VOTES + ("test-leadership-2016,all,alice-example,votes,301,301,exact,,fictional-wire,Alice Example won 301 votes,\n"
                     "test-leadership-2016,all,bob-sample,votes,200,200,exact,,fictional-wire,Bob Sample's 200 votes,\n")
    alice, bob = results(tiny(tmp_path, sources=SOURCES + WIRE, votes=votes))
    assert alice[:3] == ("alice-example", 301, "fictional-wire")
    assert alice[5] == ("exact count from a high-reliability source, ranked above the cited source's own count; "
                        "sources disagree, see discrepancies; share computed from the counts of every candidate in the section")
    assert bob[5].startswith("exact count from a high-reliability source, ranked above the cited source's own count; "
                             "1 other source(s) agree")


def test_a_candidate_who_withdrew_is_not_needed_to_complete_the_section(tmp_path):
    # Carol withdrew before the count (validate refuses votes for her): Alice's and Bob's counts
    # complete the section, so shares are computed from them alone
    entities = ENTITIES + "carol-third,Carol Third,person,A fictional candidate.,,fictional-result\n"
    candidates = CANDIDATES + ("test-leadership-2016,carol-third,false,withdrew,2016-08-01,stated,fictional-result,"
                               "in the Test Party's leadership election,,,,,\n")
    votes = "".join(line + "\n" for line in VOTES.splitlines() if "share_pct" not in line)
    rows = results(tiny(tmp_path, entities=entities, candidates=candidates, votes=votes))
    assert [(r[0], r[1], r[3], r[4]) for r in rows] == [
        ("alice-example", 300, 60.0, "derived"), ("bob-sample", 200, 40.0, "derived")]
