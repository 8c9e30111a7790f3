"""`labour2016 gaps`: the sentences of a source with a figure or a quotation that no row cites."""
import json

from conftest import read_table
from labour2016 import cli, gaps, package

TEXT = ("Corbyn won 313,209 votes. It was a sunny day.\n"
        "Smith said he “won’t be serving”. Turnout was 77.6%! Nobody spoke.")


def test_a_sentence_with_a_figure_or_quotation_is_listed_until_a_span_cites_it():
    found = gaps.source_gaps("s", "s.txt", TEXT, [])
    assert [(s.line, s.text) for s in found.uncited] == [
        (1, "Corbyn won 313,209 votes."), (2, "Smith said he “won’t be serving”."), (2, "Turnout was 77.6%!")]
    assert found.noted == 3
    cited = gaps.source_gaps("s", "s.txt", TEXT, ["313,209", "he “won’t be serving”"])
    assert [s.text for s in cited.uncited] == ["Turnout was 77.6%!"]
    assert TEXT[cited.uncited[0].start:cited.uncited[0].end] == "Turnout was 77.6%!"


def test_the_real_sources_list_only_uncited_sentences(sources_dir, capsys, tables):
    sid = "independent-2016-09-21-smith-concedes"
    code = cli.main(["gaps", "--sources", str(sources_dir), "--source", sid, "--format", "json"])
    (report,) = json.loads(capsys.readouterr().out)
    assert code == (1 if report["uncited"] else 0)
    text = (sources_dir / report["path"]).read_text(encoding="utf-8")
    spans = gaps.cited_spans(package.model())[sid]
    assert spans, "the source is cited by some row"
    for sentence in report["uncited"]:
        assert sentence["text"] in text.split("\n")[sentence["line"] - 1]
        assert not any(span in sentence["text"] or sentence["text"] in span for span in spans)
    every = gaps.sentences(text)
    cited = [s for s in every if gaps.notable(s) and any(span in s.text for span in spans)]
    assert cited and not {s.text for s in cited} & {u["text"] for u in report["uncited"]}
    assert report["sentences_with_figure_or_quotation"] >= len(cited) + len(report["uncited"])


def test_text_lists_each_source_with_its_sentences(sources_dir, capsys):
    code = cli.main(["gaps", "--sources", str(sources_dir)])
    out, err = capsys.readouterr()
    assert code == 1
    heads = [line for line in out.splitlines() if not line.startswith("  line ")]
    ids = {r["source_id"] for r in read_table("sources")}
    assert heads and all(h.split(" (", 1)[0] in ids and "cited by no row" in h for h in heads)
    assert err.splitlines()[-1].endswith(f"of {len(ids)} source(s)")


def test_cannot_run_without_the_texts_or_for_an_unknown_source(tmp_path, monkeypatch, capsys, sources_dir):
    assert cli.main(["gaps", "--sources", str(tmp_path / "missing")]) == 2
    assert "not a folder" in capsys.readouterr().err
    monkeypatch.setattr(package, "sources_dir", lambda explicit=None: None)
    assert cli.main(["gaps"]) == 2
    assert "no source texts found: pass --sources DIR" in capsys.readouterr().err
    monkeypatch.undo()
    assert cli.main(["gaps", "--sources", str(sources_dir), "--source", "no-such-source"]) == 2
    assert "no source no-such-source in sources.csv" in capsys.readouterr().err
