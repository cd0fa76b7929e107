using SocialCard.Core.Persons;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Rosters;

/// <summary>
/// The rules of one row against the unit's register: UNKNOWN_PERSONAL_NUMBER, READONLY_CHANGED,
/// NAME_AND_ID_CHANGED. A row without 个人编号 is a new person and has nothing to compare.
/// </summary>
internal static class RosterRowRules
{
    public static void Check(RosterRow row, PersonValidationResult person, IReadOnlyDictionary<string, RegisterEntry> register, List<RosterFinding> findings)
    {
        if (row[RosterColumn.PersonalNumber].Text is not { } personalNumber)
        {
            return;
        }

        if (!register.TryGetValue(personalNumber, out var entry))
        {
            findings.Add(Cell(row, RosterColumn.PersonalNumber, new Finding(
                RuleCodes.UnknownPersonalNumber,
                Severity.Error,
                FieldOf(RosterColumn.PersonalNumber),
                $"个人编号“{personalNumber}”不属于本单位：请核对个人编号，新增人员请把个人编号留空")));
            return;
        }

        CheckReadOnly(row, RosterColumn.Category, entry.Category, string.Equals, "，如确需变更请到服务大厅办理", findings);
        CheckReadOnly(row, RosterColumn.OriginalName, entry.Name, string.Equals, "；姓名如有错误，请改“姓名”列", findings);
        CheckReadOnly(row, RosterColumn.OriginalIdNumber, entry.IdNumber, SameIdNumber, "；号码如有错误，请改“身份证号码”列", findings);
        CheckNameAndId(row, person, entry, findings);
    }

    /// <summary>
    /// A read-only cell that differs from the register. A blank cell is not compared: the column is optional
    /// (a roster of new persons lacks it) and the portal keeps the register's value anyway.
    /// </summary>
    private static void CheckReadOnly(
        RosterRow row, RosterColumn column, string? original, Func<string?, string?, bool> same, string hint, List<RosterFinding> findings)
    {
        var given = row[column].Text;
        var expected = string.IsNullOrWhiteSpace(original) ? null : original.Trim();
        if (given is null || same(given, expected))
        {
            return;
        }

        var header = RosterTemplate.Spec(column).Header;
        var restore = expected is null ? "请清空该单元格（原登记为空）" : $"请改回“{expected}”";
        findings.Add(Cell(row, column, new Finding(
            RuleCodes.ReadOnlyChanged,
            Severity.Error,
            FieldOf(column),
            $"“{header}”不能修改：{restore}{hint}",
            expected)));
    }

    /// <summary>Name and ID number may not both change in one submission: the ID is corrected here, the name at the hall.</summary>
    private static void CheckNameAndId(RosterRow row, PersonValidationResult person, RegisterEntry entry, List<RosterFinding> findings)
    {
        // A blank value is reported as missing already; an ID stored as a number is not the clerk's number.
        var name = person.Normalized.Name ?? "";
        var id = person.Normalized.IdNumber ?? "";
        if (name.Length == 0 || id.Length == 0 || row[RosterColumn.IdNumber].WasNumeric)
        {
            return;
        }

        if (name == entry.Name.Trim() || SameIdNumber(id, entry.IdNumber))
        {
            return;
        }

        findings.Add(Cell(row, RosterColumn.Name, new Finding(
            RuleCodes.NameAndIdChanged,
            Severity.Error,
            PersonFields.Name,
            $"姓名和身份证号码不能同时修改：本次只改身份证号码，姓名请改回原登记的“{entry.Name.Trim()}”，再由本人带身份证到服务大厅更正姓名",
            entry.Name.Trim())));
    }

    /// <summary>Equal after the usual typing repairs; a 15-digit number equals its 18-digit form.</summary>
    private static bool SameIdNumber(string? a, string? b)
    {
        var left = CitizenIdText.Normalize(a ?? "", out _);
        var right = CitizenIdText.Normalize(b ?? "", out _);
        if (left == right)
        {
            return true;
        }

        return (left.Length, right.Length) switch
        {
            (15, 18) => CitizenId.Parse(left).Converted18 == right,
            (18, 15) => CitizenId.Parse(right).Converted18 == left,
            _ => false,
        };
    }

    // Read-only columns feed no person field; the finding's field names the column instead.
    private static string FieldOf(RosterColumn column) => column.ToString();

    private static RosterFinding Cell(RosterRow row, RosterColumn column, Finding finding) =>
        new(row.RowNumber, column, finding, row[column].Text);
}
