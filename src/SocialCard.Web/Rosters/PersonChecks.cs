using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Batches;
using SocialCard.Core.Persons;
using SocialCard.Core.Validation;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Rosters;

/// <summary>
/// Re-validates one person edited in the browser with the same rules as an uploaded row: the field
/// rules, the ID number against the rest of the batch and the portal, the original name and ID, and
/// the same-name check. A few indexed queries, whatever the batch size.
/// </summary>
public sealed class PersonChecks(AppDbContext db, PersonValidation validation)
{
    /// <summary>Findings the form cannot re-derive and so keeps from the last upload.</summary>
    private static readonly HashSet<string> KeptFromUpload = [RuleCodes.ReadOnlyChanged, RuleCodes.UnknownPersonalNumber];

    public async Task<(PersonValidationResult Validation, IReadOnlyList<Finding> Findings)> CheckAsync(
        CollectionBatch batch, InsuredPerson? existing, PersonInput input, CancellationToken ct = default)
    {
        var result = validation.Validate(input);
        var findings = new List<Finding>(result.Findings);
        var selfId = existing?.Id ?? 0;
        var id = result.Normalized.IdNumber;

        if (result.Id is { } valid)
        {
            var sameBatch = await db.Persons.Where(p => p.BatchId == batch.Id && p.IdNumber == valid.Value && p.Id != selfId).Select(p => p.Name).FirstOrDefaultAsync(ct);
            if (sameBatch is not null)
            {
                findings.Add(new Finding(RuleCodes.DuplicateIdInFile, Severity.Error, PersonFields.IdNumber, $"此身份证号码已在本批次中（{sameBatch}），同一人不能录入两次。请核对号码，或修改已有的记录。"));
            }
            else if (await db.Persons.AnyAsync(p => p.IdNumber == valid.Value && p.BatchId != batch.Id, ct))
            {
                findings.Add(new Finding(RuleCodes.DuplicateIdElsewhere, Severity.Warning, PersonFields.IdNumber, "此身份证号码已在其他批次或单位登记，可能存在一人多号，请核实后告知采集点。"));
            }
        }

        var name = result.Normalized.Name;
        if (existing is { OriginalName: { Length: > 0 } originalName, OriginalIdNumber: { Length: > 0 } originalId }
            && name != originalName && id != originalId)
        {
            findings.Add(new Finding(RuleCodes.NameAndIdChanged, Severity.Error, PersonFields.Name, $"姓名和身份证号码不能同时修改（原登记：{originalName}）。请只在此改身份证号码，姓名持身份证到服务大厅更正。"));
        }

        if (!string.IsNullOrEmpty(name))
        {
            var namesakes = await db.Persons.Where(p => p.BatchId == batch.Id && p.Name == name && p.Id != selfId && p.IdNumber != id).CountAsync(ct);
            if (namesakes > 0)
            {
                findings.Add(new Finding(RuleCodes.SameName, Severity.Warning, PersonFields.Name, $"本批次另有 {namesakes} 人同名（身份证号码不同），请逐一核对，确认不是同一人。"));
            }
        }

        if (existing is not null)
        {
            findings.AddRange(existing.Findings.Where(f => KeptFromUpload.Contains(f.Code)));
        }

        return (result, findings);
    }
}
