using SocialCard.Core.Persons;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Batches;

/// <summary>
/// The roster rules that depend on the rest of the batch, applied to the persons of one group after any of them
/// changed (an upload, an edit, a deletion): DUPLICATE_ID_IN_FILE on every holder of an ID number held more than
/// once, SAME_NAME on namesakes with different numbers; a group that shrank to one person loses its finding. A
/// finding already present (with the upload's row numbers) is kept as it is.
/// </summary>
public static class BatchGroupRules
{
    private const int NamesShown = 5;

    /// <summary>The persons of the batch holding one ID number; returns those whose findings changed.</summary>
    public static IReadOnlyList<InsuredPerson> ApplyIdGroup(IReadOnlyList<InsuredPerson> sameId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(sameId);
        var changed = new List<InsuredPerson>();
        foreach (var person in sameId)
        {
            var finding = sameId.Count < 2 ? null : new Finding(
                RuleCodes.DuplicateIdInFile,
                Severity.Error,
                PersonFields.IdNumber,
                $"身份证号码与本批次中的{Others(sameId, person)}重复：请核对，同一人只保留一条记录（删除多余的一条或改正号码）");
            if (person.SetBatchFinding(RuleCodes.DuplicateIdInFile, finding, at))
            {
                changed.Add(person);
            }
        }

        return changed;
    }

    /// <summary>The persons of the batch with one name; returns those whose findings changed.</summary>
    public static IReadOnlyList<InsuredPerson> ApplyNameGroup(IReadOnlyList<InsuredPerson> sameName, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(sameName);

        // Persons of one name who all hold one number are a duplicate, not namesakes.
        var namesakes = sameName.Select(p => p.IdNumber).Distinct(StringComparer.Ordinal).Count() > 1;
        var changed = new List<InsuredPerson>();
        foreach (var person in sameName)
        {
            var finding = !namesakes ? null : new Finding(
                RuleCodes.SameName,
                Severity.Warning,
                PersonFields.Name,
                $"本批次另有 {sameName.Count - 1} 人同名（身份证号码不同），请逐一核对，确认不是同一人。");
            if (person.SetBatchFinding(RuleCodes.SameName, finding, at))
            {
                changed.Add(person);
            }
        }

        return changed;
    }

    private static string Others(IReadOnlyList<InsuredPerson> group, InsuredPerson self)
    {
        var others = group.Where(p => !ReferenceEquals(p, self)).ToList();
        var shown = string.Join("、", others.Take(NamesShown).Select(p => p.SourceRow is { } row ? $"{p.Name}（第{row}行）" : p.Name));
        return others.Count > NamesShown ? $"{shown}等{others.Count}人" : shown;
    }
}
