using SocialCard.Core.Validation;

namespace SocialCard.Core.Rosters;

/// <summary>
/// The rules across rows: DUPLICATE_ID_IN_FILE and SAME_NAME. One pass builds dictionaries keyed by ID number and
/// by name, so the cost is linear in the rows; messages name at most a few other rows so they stay short.
/// </summary>
internal static class RosterCrossRowRules
{
    private const int OtherRowsShown = 5;

    /// <param name="rows">The validated rows.</param>
    /// <param name="cells">The same rows as read (same order), for the value each finding repeats.</param>
    /// <param name="findings">Receives the findings.</param>
    /// <returns>The same-name groups (row numbers, in file order).</returns>
    public static IReadOnlyList<IReadOnlyList<int>> Check(IReadOnlyList<ValidatedRosterRow> rows, IReadOnlyList<RosterRow> cells, List<RosterFinding> findings)
    {
        // Only valid numbers: two differently mistyped numbers say nothing about the same person.
        foreach (var group in GroupIndexes(rows, r => r.Person.Id?.Value).Where(g => g.Count > 1))
        {
            foreach (var i in group)
            {
                findings.Add(new RosterFinding(rows[i].RowNumber, RosterColumn.IdNumber, new Finding(
                    RuleCodes.DuplicateIdInFile,
                    Severity.Error,
                    PersonFields.IdNumber,
                    $"身份证号码与{OtherRows(rows, group, i)}重复：请核对，同一人只保留一行"), cells[i][RosterColumn.IdNumber].Text));
            }
        }

        var sameNameGroups = new List<IReadOnlyList<int>>();
        foreach (var group in GroupIndexes(rows, r => r.Person.Normalized.Name is { Length: > 0 } name ? name : null).Where(g => g.Count > 1))
        {
            // Rows of one name that all hold one ID number are a duplicate, not namesakes.
            if (group.Select(i => IdKey(rows[i])).Distinct(StringComparer.Ordinal).Count() < 2)
            {
                continue;
            }

            sameNameGroups.Add(group.Select(i => rows[i].RowNumber).ToList());
            foreach (var i in group)
            {
                findings.Add(new RosterFinding(rows[i].RowNumber, RosterColumn.Name, new Finding(
                    RuleCodes.SameName,
                    Severity.Warning,
                    PersonFields.Name,
                    $"与{OtherRows(rows, group, i)}同名但身份证号码不同：请把这几行一起核对，确认是不同的人"), cells[i][RosterColumn.Name].Text));
            }
        }

        return sameNameGroups;
    }

    private static string IdKey(ValidatedRosterRow row) => row.Person.Id?.Value ?? row.Person.Normalized.IdNumber ?? "";

    /// <summary>Row indexes by key, groups and members in file order; rows without a key are left out.</summary>
    private static IEnumerable<List<int>> GroupIndexes(IReadOnlyList<ValidatedRosterRow> rows, Func<ValidatedRosterRow, string?> key)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<List<int>>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (key(rows[i]) is not { } k)
            {
                continue;
            }

            if (!groups.TryGetValue(k, out var group))
            {
                groups[k] = group = [];
                order.Add(group);
            }

            group.Add(i);
        }

        return order;
    }

    /// <summary>"第3、7行", or "第3、7、9、11、13行等20行" for a big group.</summary>
    private static string OtherRows(IReadOnlyList<ValidatedRosterRow> rows, List<int> group, int self)
    {
        var others = group.Where(i => i != self).Take(OtherRowsShown + 1).Select(i => rows[i].RowNumber).ToList();
        var shown = $"第{string.Join("、", others.Take(OtherRowsShown))}行";
        return others.Count > OtherRowsShown ? $"{shown}等{group.Count - 1}行" : shown;
    }
}
