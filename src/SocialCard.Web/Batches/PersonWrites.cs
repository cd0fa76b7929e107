using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Auditing;
using SocialCard.Core.Batches;
using SocialCard.Core.Common;
using SocialCard.Core.Persons;
using SocialCard.Core.Validation;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Photos;
using SocialCard.Web.Rosters;

namespace SocialCard.Web.Batches;

/// <summary>
/// Adding, changing, fixing and deleting one person: each under the batch's lock (<see cref="BatchWrites"/>), with
/// the batch checked editable inside it, the person's version compared with the one the clerk saw, the audit
/// record, and the roster rules of the rest of the batch (duplicate ID, same name) applied again to everyone the
/// change concerns, so deleting one of two rows with one ID number leaves the other clean.
/// </summary>
public sealed class PersonWrites(AppDbContext db, BatchWrites writes, PersonChecks checks, PhotoFileCleanup photoFiles, RosterSettings rosterSettings, AuditLog audit, TimeProvider clock, ILogger<PersonWrites> logger)
{
    public const string PersonConflict = "此人员信息刚被他人修改过（例如另一窗口或一次上传），您的修改未保存。请重新打开后再改。";

    /// <summary>Adds a person (<paramref name="personId"/> null) or changes one; refused with the findings while any is an error.</summary>
    /// <param name="resolvesConflict">A re-upload conflict (<see cref="RosterConflict"/>) of this person whose workbook
    /// values the clerk is saving: it is closed in the same transaction.</param>
    /// <returns>The stored person (its warnings on <see cref="InsuredPerson.Findings"/>), or the refusal; a refusal by
    /// validation carries the findings, to show beside the fields.</returns>
    public Task<Result<InsuredPerson>> SaveAsync(int batchId, int? personId, Guid seenVersion, PersonInput input, string? classOrDepartment, string actor, CancellationToken ct = default, int? resolvesConflict = null) =>
        writes.RunAsync(batchId, async batch =>
        {
            var editable = batch.CheckEditable();
            if (!editable.Succeeded)
            {
                return editable.As<InsuredPerson>();
            }

            RosterConflict? conflict = null;
            if (resolvesConflict is { } conflictId)
            {
                conflict = await db.RosterConflicts.SingleOrDefaultAsync(
                    c => c.Id == conflictId && c.BatchId == batchId && c.Resolution == RosterConflictResolution.Open
                        && (personId == null ? c.Kind == RosterConflictKind.Deleted : c.PersonId == personId), ct);
                if (conflict is null)
                {
                    return Result<InsuredPerson>.Fail("这处上传冲突已经处理过了（或不属于此人员），未保存。请回到检查结果查看。");
                }
            }

            InsuredPerson? person = null;
            if (personId is not null)
            {
                person = await db.Persons.SingleOrDefaultAsync(p => p.Id == personId && p.BatchId == batchId, ct);
                if (person is null)
                {
                    return Result.NotFound("该人员已不在此批次中（可能刚被删除）。").As<InsuredPerson>();
                }

                if (person.Version != seenVersion)
                {
                    logger.LogInformation("Concurrent change of person {PersonId} refused", person.Id);
                    return Result.Stale(PersonConflict).As<InsuredPerson>();
                }
            }

            var (result, findings) = await checks.CheckAsync(batch, person, input, ct);
            if (findings.Any(f => f.Severity == Severity.Error))
            {
                return Result<InsuredPerson>.Fail("信息有误，未保存：请按提示改正。", findings);
            }

            var now = clock.GetUtcNow();
            var before = person?.ToInput();
            var oldKeys = (Id: person?.IdNumber, Name: person?.Name);
            if (person is null)
            {
                var (created, refused) = batch.CreatePerson(now);
                person = created ?? throw new InvalidOperationException("The batch was checked editable: " + refused.Error);
                // Typed in, so in no register: the unit type's usual category, for the summary table.
                var unitType = await db.Units.Where(u => u.Id == batch.UnitId).Select(u => u.Type).SingleAsync(ct);
                person.SetDefaultCategory(rosterSettings.DefaultCategoryFor(unitType));
                db.Persons.Add(person);
            }

            person.Apply(result, now, findings);
            person.SetClassOrDepartment(classOrDepartment);
            conflict?.Resolve(RosterConflictResolution.TookWorkbook, actor, now);
            await SaveAndRecheckAsync(batch, [oldKeys.Id, person.IdNumber], [oldKeys.Name, person.Name], ct);
            audit.Record(actor, before is null ? AuditActions.AddPerson : AuditActions.UpdatePerson, "Person", person.Id, batch.UnitId, new { BatchId = batch.Id, Before = before, After = person.ToInput(), Conflict = conflict?.Id });
            await db.SaveChangesAsync(ct);
            return Result<InsuredPerson>.Ok(person);
        }, ct);

    /// <summary>A one-click fix (the 18-digit form of a 15-digit number, the birth date from the ID number) computed by the caller.</summary>
    public Task<Result<InsuredPerson>> FixAsync(int batchId, int personId, string fix, Func<InsuredPerson, PersonInput?> propose, string actor, CancellationToken ct = default) =>
        writes.RunAsync(batchId, async batch =>
        {
            var editable = batch.CheckEditable();
            if (!editable.Succeeded)
            {
                return (Result<InsuredPerson>)editable;
            }

            var person = await db.Persons.SingleOrDefaultAsync(p => p.Id == personId && p.BatchId == batchId, ct);
            if (person is null)
            {
                return Result.NotFound("该人员已不在此批次中（可能刚被删除）。").As<InsuredPerson>();
            }

            var before = person.ToInput();
            if (propose(person) is not { } input || input == before)
            {
                return Result<InsuredPerson>.Fail("这一项没有可自动改正的内容，请点“修改”手工改正。");
            }

            var (validation, findings) = await checks.CheckAsync(batch, person, input, ct);
            var oldId = person.IdNumber;
            person.Apply(validation, clock.GetUtcNow(), findings);
            await SaveAndRecheckAsync(batch, [oldId, person.IdNumber], [person.Name], ct);
            audit.Record(actor, AuditActions.FixPerson, "Person", person.Id, batch.UnitId, new { Fix = fix, Before = before, After = person.ToInput() });
            await db.SaveChangesAsync(ct);
            return Result<InsuredPerson>.Ok(person);
        }, ct);

    /// <summary>
    /// Deletes a person of an editable batch; gives the person's name. The person's photo files are removed once the
    /// deletion committed (<see cref="PhotoFileCleanup"/>), so a deletion that fails keeps them.
    /// </summary>
    public async Task<Result<string>> DeleteAsync(int batchId, int personId, string actor, CancellationToken ct = default)
    {
        PersonPhotoFiles? files = null;
        var deleted = await writes.RunAsync(batchId, async batch =>
        {
            var editable = batch.CheckEditable();
            if (!editable.Succeeded)
            {
                return (Result<string>)editable;
            }

            var person = await db.Persons.SingleOrDefaultAsync(p => p.Id == personId && p.BatchId == batchId, ct);
            if (person is null)
            {
                return Result.NotFound("该人员已不在此批次中（可能刚被删除）。").As<string>();
            }

            files = await photoFiles.CollectAsync(person, ct);
            db.Persons.Remove(person);
            await SaveAndRecheckAsync(batch, [person.IdNumber], [person.Name], ct);
            audit.Record(actor, AuditActions.DeletePerson, "Person", person.Id, batch.UnitId, new { person.Name, IdNumber = person.MaskedIdNumber, BatchId = batch.Id, PhotoFiles = files.Hashes.Count });
            await db.SaveChangesAsync(ct);
            return Result<string>.Ok(person.Name);
        }, ct);

        // Committed: RunAsync returns only after the commit (it throws, and keeps the files, when the commit fails).
        if (deleted.Succeeded && files is not null)
        {
            await photoFiles.RemoveAsync(files);
        }

        return deleted;
    }

    /// <summary>
    /// Saves the change, then applies the batch's group rules to the holders of the old and new ID numbers and names
    /// (read after the save, so the groups are the stored ones), and marks the batch changed.
    /// </summary>
    private async Task SaveAndRecheckAsync(CollectionBatch batch, IEnumerable<string?> idNumbers, IEnumerable<string?> names, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var id in idNumbers.OfType<string>().Where(x => x.Length > 0).Distinct(StringComparer.Ordinal))
        {
            var group = await db.Persons.Where(p => p.BatchId == batch.Id && p.IdNumber == id).OrderBy(p => p.Id).ToListAsync(ct);
            BatchGroupRules.ApplyIdGroup(group, now);
        }

        foreach (var name in names.OfType<string>().Where(x => x.Length > 0).Distinct(StringComparer.Ordinal))
        {
            var group = await db.Persons.Where(p => p.BatchId == batch.Id && p.Name == name).OrderBy(p => p.Id).ToListAsync(ct);
            BatchGroupRules.ApplyNameGroup(group, now);
        }

        writes.Touch(batch);
        await db.SaveChangesAsync(ct);
    }
}
