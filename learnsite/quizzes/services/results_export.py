"""Results as files for a spreadsheet or a school system: CSV (one table each: learners, items,
answers) and XLSX (openpyxl; the three tables as sheets). The numbers are read from
learnsite.quizzes.results, as the results page reads them, so file and page agree.

Learners type their names and answers: every text cell is written as text, never as a formula
(a leading = + - @ would make a spreadsheet run it).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from django.utils import timezone
from django.utils.translation import gettext as _

from learnsite.quizzes.models import Quiz, SchoolClass
from learnsite.quizzes.results import class_table, item_results, learner_rows

Row = Sequence[object]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TABLES = ("learners", "items", "answers")


def _share(value: float | None) -> object:
    return "" if value is None else round(100 * value)


def _when(moment: object) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""  # type: ignore[arg-type]


def learner_table(*, quiz: Quiz) -> list[Row]:
    rows: list[Row] = [[_("learner"), _("class"), _("attempts"), _("best score"), _("items"), _("best %"),
                        _("latest score"), _("latest items"), _("latest finished"), _("latest answered")]]
    class_name = quiz.school_class.name if quiz.school_class else ""
    for row in learner_rows(quiz=quiz):
        best, latest = row.best, row.latest
        rows.append([row.name, class_name, len(row.attempts),
                     best.attempt.score if best else "", best.total if best else "", _share(best.share if best else None),
                     latest.attempt.score if latest.finished else "", latest.total,
                     _when(latest.attempt.finished), latest.answered])
    return rows


def item_table(*, quiz: Quiz) -> list[Row]:
    rows: list[Row] = [[_("item"), _("kind"), _("prompt"), _("answer"), _("answers"), _("right"), _("right %"),
                        _("most frequent wrong answers")]]
    for result in item_results(quiz=quiz):
        wrong = "; ".join(f"{given} ({n})" for given, n in result.common_wrong)
        rows.append([result.number, result.item.kind_label, result.item.prompt, result.item.answer, result.answered,
                     result.right, _share(result.share_right), wrong])
    return rows


def answer_table(*, quiz: Quiz) -> list[Row]:
    """One row per item of every attempt: what each learner gave and whether it counts."""
    rows: list[Row] = [[_("learner"), _("attempt started"), _("attempt finished"), _("item"), _("prompt"),
                        _("answer given"), _("right"), _("counted right by the teacher")]]
    for row in learner_rows(quiz=quiz):
        for result in reversed(row.attempts):
            for answer_row in result.rows:
                answer = answer_row.answer
                rows.append([row.name, _when(result.attempt.started), _when(result.attempt.finished),
                             answer_row.number, answer_row.item.prompt, answer.given if answer else "",
                             (1 if answer.correct else 0) if answer else "",
                             1 if answer and answer.teacher_verdict else 0])
    return rows


def class_results_table(*, school_class: SchoolClass) -> list[Row]:
    quizzes, rows = class_table(school_class=school_class)
    table: list[Row] = [[_("learner")] + [f"{quiz.title} ({_('best %')})" for quiz in quizzes]]
    for row in rows:
        table.append([row.learner.name] + [
            _share(cell.row.best.share) if cell.row and cell.row.best else "" for cell in row.cells])
    return table


def _text_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(rows: Iterable[Row]) -> bytes:
    """UTF-8 with a byte order mark, so that spreadsheet programs read the umlauts."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([_text_cell(value) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(sheets: Sequence[tuple[str, Sequence[Row]]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title=title[:31])
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=c)
                cell.value = value  # type: ignore[assignment]
                if isinstance(value, str):
                    cell.data_type = "s"  # text, even when it starts with = (openpyxl would make a formula)
                if r == 1:
                    cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def quiz_results_file(*, quiz: Quiz, table: str, fmt: str) -> tuple[str, bytes, str]:
    """(file name, content, media type) of the quiz's results: one table as CSV, or all as XLSX."""
    builders = {"learners": learner_table, "items": item_table, "answers": answer_table}
    stem = f"results-{quiz.class_code.lower()}"
    if fmt == "xlsx":
        sheets = [(_("Learners"), learner_table(quiz=quiz)), (_("Items"), item_table(quiz=quiz)),
                  (_("Answers"), answer_table(quiz=quiz))]
        return (f"{stem}.xlsx", to_xlsx(sheets),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return f"{stem}-{table}.csv", to_csv(builders[table](quiz=quiz)), "text/csv; charset=utf-8"


def class_results_file(*, school_class: SchoolClass, fmt: str) -> tuple[str, bytes, str]:
    stem = f"class-{school_class.code.lower()}"
    table = class_results_table(school_class=school_class)
    if fmt == "xlsx":
        return (f"{stem}.xlsx", to_xlsx([(school_class.name, table)]),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return f"{stem}.csv", to_csv(table), "text/csv; charset=utf-8"
