using SocialCard.Core.Persons;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Rosters;

/// <summary>
/// Checks the rows a <see cref="IRosterReader"/> read: each person with <see cref="PersonValidator"/> (findings placed
/// on the cell of their field), then the row rules against the unit's register and the roster rules across rows
/// (docs/RULES.md, "Row and roster"). Linear in the number of rows.
/// </summary>
public static class RosterValidator
{
    private static readonly Dictionary<string, RosterColumn> ColumnOfField = RosterTemplate.Columns
        .Where(c => c.Field is not null)
        .ToDictionary(c => c.Field!, c => c.Column, StringComparer.Ordinal);

    public static RosterValidationResult Validate(IReadOnlyList<RosterRow> rows, RosterContext context)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(context);

        var validated = new List<ValidatedRosterRow>(rows.Count);
        var findings = new List<RosterFinding>();
        foreach (var row in rows)
        {
            var person = ValidatePerson(row, context.PersonOptions);
            foreach (var finding in person.Findings)
            {
                var column = ColumnOfField[finding.Field];
                findings.Add(new RosterFinding(row.RowNumber, column, finding, row[column].Text));
            }

            RosterRowRules.Check(row, person, context.Register, findings);
            validated.Add(new ValidatedRosterRow(
                row.RowNumber,
                row[RosterColumn.PersonalNumber].Text,
                row[RosterColumn.Category].Text,
                row[RosterColumn.OriginalName].Text,
                row[RosterColumn.OriginalIdNumber].Text,
                row[RosterColumn.ClassOrDepartment].Text,
                person)
            {
                Key = RosterRowKey.Parse(row.Key),
                RowStamp = RosterRowKey.RowStampOf(row),
            });
        }

        var sameNameGroups = RosterCrossRowRules.Check(validated, rows, findings);

        // The clerk reads the report row by row, left to right; OrderBy is stable, so a cell keeps its rule order.
        var ordered = findings
            .OrderBy(f => f.Row)
            .ThenBy(f => f.Column is { } c ? (int)c : -1)
            .ToList();
        return new RosterValidationResult(validated, ordered, sameNameGroups);
    }

    /// <summary>
    /// The person's checks. An ID number the spreadsheet stored as a number has lost digits: it gets one
    /// ID_NUMERIC_CELL instead of checks of a number that is not the clerk's, and sex and birth date are not
    /// compared with it.
    /// </summary>
    private static PersonValidationResult ValidatePerson(RosterRow row, PersonValidationOptions options)
    {
        var idCell = row[RosterColumn.IdNumber];
        var idWasNumber = idCell.WasNumeric && !idCell.IsBlank;
        var input = new PersonInput(
            row[RosterColumn.Name].Text,
            idWasNumber ? null : idCell.Text,
            row[RosterColumn.Sex].Text,
            row[RosterColumn.BirthDate].Text,
            row[RosterColumn.Ethnicity].Text,
            row[RosterColumn.Phone].Text,
            row[RosterColumn.Postcode].Text,
            row[RosterColumn.Address].Text);
        var person = PersonValidator.Validate(input, options);
        if (!idWasNumber)
        {
            return person;
        }

        var findings = person.Findings.Where(f => f.Field != PersonFields.IdNumber).Append(NumericIdCell(idCell.Text!)).ToList();
        return person with { Normalized = person.Normalized with { IdNumber = idCell.Text! }, Findings = findings };
    }

    private static Finding NumericIdCell(string shown)
    {
        // Below 1e15 the reader printed every digit (e.g. a 15-digit number): nothing was lost yet, but the
        // cell must still become text before the 18-digit number is typed.
        var lost = shown.Contains('E', StringComparison.OrdinalIgnoreCase) || shown.Contains('.', StringComparison.Ordinal);
        var damage = lost ? "，后几位已丢失" : "";
        return new Finding(
            RuleCodes.IdNumericCell,
            Severity.Error,
            PersonFields.IdNumber,
            $"身份证号码被Excel存成了数字（显示为“{shown}”）{damage}：请把该列设为文本格式后重新输入完整号码");
    }
}
