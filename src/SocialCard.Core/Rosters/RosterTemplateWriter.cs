namespace SocialCard.Core.Rosters;

/// <summary>
/// Writes the roster template (社保卡信息采集 人员名单) a unit downloads: the 人员信息 sheet prefilled from the
/// unit's register (and with what the unit's batches already hold about each person), 填写说明, and the hidden 代码表 with the drop-down lists and the version marker.
/// </summary>
public static class RosterTemplateWriter
{
    /// <param name="output">Any writable stream; the .xlsx is streamed into it.</param>
    /// <param name="prefill">The unit's register, one row each, in the order given (enumerated once, lazily).</param>
    /// <param name="categories">The valid 人员类别 values (drop-down documentation; the column is read-only).</param>
    /// <param name="addressMaxLength">The deployment's limit for 常住地址, named in the input message and the instructions.</param>
    public static void Write(Stream output, IEnumerable<RegisterEntry> prefill, IReadOnlyList<string> categories, int addressMaxLength)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(prefill);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(addressMaxLength);

        var rows = prefill.Select((entry, i) => new XlsxDataRow(i + 2, Values(entry)));
        XlsxTemplateWorkbook.Write(output, rows, new XlsxTemplateOptions(CleanCategories(categories), addressMaxLength, Protect: true));
    }

    /// <summary>The clerk's columns the template prefills from what the unit's batches already hold.</summary>
    private static readonly RosterColumn[] KnownColumns =
    [
        RosterColumn.Sex, RosterColumn.BirthDate, RosterColumn.Ethnicity, RosterColumn.Phone,
        RosterColumn.Postcode, RosterColumn.Address, RosterColumn.ClassOrDepartment,
    ];

    /// <summary>Trimmed, non-empty, first occurrence kept: the list feeds a drop-down.</summary>
    internal static IReadOnlyList<string> CleanCategories(IEnumerable<string?> categories) =>
        categories.Select(c => c?.Trim()).OfType<string>().Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The register's values go both into the read-only original columns and into the editable 姓名 and
    /// 身份证号码, so the clerk corrects a value in place and the portal still sees what it was.
    /// </summary>
    private static string?[] Values(RegisterEntry entry)
    {
        var values = new string?[RosterTemplate.Columns.Count];
        values[(int)RosterColumn.PersonalNumber] = entry.PersonalNumber;
        values[(int)RosterColumn.Category] = entry.Category;
        values[(int)RosterColumn.OriginalName] = entry.Name;
        values[(int)RosterColumn.OriginalIdNumber] = entry.IdNumber;
        values[(int)RosterColumn.Name] = entry.Name;
        values[(int)RosterColumn.IdNumber] = entry.IdNumber;
        if (entry.Known is { } known)
        {
            foreach (var column in KnownColumns.Where(c => (int)c < known.Count && !string.IsNullOrWhiteSpace(known[(int)c])))
            {
                values[(int)column] = known[(int)column];
            }
        }

        return values;
    }
}
