using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Auditing;
using SocialCard.Core.Batches;
using SocialCard.Core.Common;
using SocialCard.Core.Persons;
using SocialCard.Core.Rosters;
using SocialCard.Core.Validation;
using SocialCard.Data;
using SocialCard.Web.Batches;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Rosters;

/// <summary>
/// A stored upload: accepted (its rows merged) or refused as a file (<see cref="RosterUpload.Accepted"/> false, nothing
/// merged, the refusal kept for the clerk), with the file's findings.
/// </summary>
public sealed record RosterImported(RosterUpload Upload, IReadOnlyList<RosterFinding> Findings);

/// <summary>
/// Reads, validates and merges an uploaded roster into a batch: the one handler behind the upload page
/// and the JSON API. A refused file changes nothing in the batch. A row carrying the portal's key
/// (<see cref="RosterRowKey"/>, in workbooks the portal handed out) updates exactly the person it came from, unless
/// that person changed in the portal since the download: then an edited row becomes a <see cref="RosterConflict"/>
/// the clerk resolves, and an untouched one leaves the portal's values alone. Other rows match existing persons by
/// 个人编号, else by ID number, so the same file twice changes nothing; rows are stored in bulk in one
/// transaction (no round trip per row).
/// </summary>
public sealed class RosterImport(
    AppDbContext db,
    IRosterReader reader,
    PersonValidation validation,
    RosterSettings settings,
    BatchWrites writes,
    AuditLog audit,
    TimeProvider clock,
    ILogger<RosterImport> logger)
{
    /// <summary>
    /// Imports an uploaded file (the page's and the API's one entry). A file over <see cref="RosterSettings.MaxBytes"/>
    /// is refused from its length (FILE_TOO_LARGE, naming its size and the limit) and recorded and audited like every
    /// refused file, but only its name and SHA-256 are kept, not its content.
    /// </summary>
    /// <param name="content">The file, seekable (an upload's temporary file; it is read into memory only within the limit).</param>
    /// <returns>The stored upload, or a refusal when the batch could not take an upload at all (nothing stored then).</returns>
    public async Task<Result<RosterImported>> ImportAsync(CollectionBatch batch, string fileName, Stream content, string actor, CancellationToken ct = default)
    {
        var editable = batch.CheckEditable();
        if (!editable.Succeeded)
        {
            return editable;
        }

        var safeName = Path.GetFileName(fileName);
        if (content.Length <= settings.MaxBytes)
        {
            var bytes = new byte[content.Length];
            content.Position = 0;
            await content.ReadExactlyAsync(bytes, ct);
            return await ImportBytesAsync(batch, safeName, bytes, actor, ct);
        }

        // The reader refuses it from its length alone (or from its extension) without reading it.
        var read = reader.Read(content, safeName, settings.Limits);
        content.Position = 0;
        var hash = await SHA256.HashDataAsync(content, ct);
        var upload = RosterUpload.WithoutContent(batch.Id, batch.UnitId, safeName, FormatOf(read), hash, actor, clock.GetUtcNow());
        return await RefuseAsync(batch, upload, read.FileFindings, actor, ct);
    }

    private async Task<Result<RosterImported>> ImportBytesAsync(CollectionBatch batch, string safeName, byte[] content, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var timer = System.Diagnostics.Stopwatch.StartNew();
        var read = reader.Read(new MemoryStream(content, writable: false), safeName, settings.Limits);
        var upload = new RosterUpload(batch.Id, batch.UnitId, safeName, FormatOf(read), content, actor, now);
        if (!read.Succeeded)
        {
            return await RefuseAsync(batch, upload, read.FileFindings, actor, ct);
        }

        db.RosterUploads.Add(upload);
        var readMs = timer.ElapsedMilliseconds;
        var (checkedRoster, register) = await CheckRowsAsync(batch.UnitId, read.Rows, ct);

        var validateMs = timer.ElapsedMilliseconds;
        var fileIds = checkedRoster.IdNumbers.ToList();
        var elsewhere = await db.Persons.AsNoTracking()
            .Where(p => p.BatchId != batch.Id && fileIds.Contains(p.IdNumber))
            .Select(p => p.IdNumber)
            .Distinct()
            .ToListAsync(ct);
        checkedRoster = checkedRoster.WithDuplicatesElsewhere(elsewhere.ToHashSet(StringComparer.Ordinal));

        // From here on the batch's lock is held: the merge sees every write that finished before it, and nothing
        // (another upload, a declaration, an edit) can change the batch until this upload is stored.
        MergeTiming? merge;
        try
        {
            merge = await MergeUnderLockAsync(batch.Id, checkedRoster, read.Rows, register, upload, safeName, actor, now, timer, validateMs, ct);
        }
        catch (DbUpdateException e) when (BatchWrites.IsUniqueViolation(e))
        {
            // The lock serialises uploads, so this is the database's own guard speaking: nothing was stored.
            db.ChangeTracker.Clear();
            logger.LogWarning("Roster {File} for batch {BatchId} rolled back: an ID number would have been held twice", safeName, batch.Id);
            return Result.Stale("同一时间有另一次上传或修改写入了相同的身份证号码，本次上传未导入，批次未作任何改动。请刷新页面查看后重新上传。");
        }

        if (merge is null)
        {
            db.ChangeTracker.Clear();
            var refusal = (await db.Batches.AsNoTracking().SingleAsync(b => b.Id == batch.Id, ct)).CheckEditable();
            logger.LogInformation("Roster {File} refused for batch {BatchId}: the batch stopped being editable during the upload", safeName, batch.Id);
            return Result<RosterImported>.Fail(refusal.Error ?? "批次已不可修改，未导入。");
        }

        logger.LogInformation(
            "Roster {File} into batch {BatchId}: {Rows} rows, {Added} added, {Updated} updated, {Unchanged} unchanged, {Errors} errors; " +
            "read {ReadMs} ms, validated {ValidateMs} ms, merged {MergeMs} ms, stored {StoreMs} ms",
            safeName, batch.Id, checkedRoster.Rows.Count, merge.Merge.Added, merge.Merge.Updated, merge.Merge.Unchanged, upload.Errors,
            readMs, validateMs - readMs, merge.MergeMs, merge.StoreMs);
        return Result<RosterImported>.Ok(new RosterImported(upload, checkedRoster.Findings));
    }

    /// <summary>A refused file: stored with its file-level findings and audited; nothing else in the batch changes.</summary>
    private async Task<Result<RosterImported>> RefuseAsync(CollectionBatch batch, RosterUpload upload, IReadOnlyList<RosterFinding> findings, string actor, CancellationToken ct)
    {
        db.RosterUploads.Add(upload);
        upload.Record(false, 0, findings.Count, 0, 0, 0, 0, 0, findings);
        audit.Record(actor, AuditActions.UploadRosterRefused, "Batch", batch.Id, batch.UnitId, new { File = upload.FileName, Codes = findings.Select(f => f.Finding.Code) });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Roster {File} refused for batch {BatchId}: {Codes}", upload.FileName, batch.Id, string.Join(",", findings.Select(f => f.Finding.Code)));
        return Result<RosterImported>.Ok(new RosterImported(upload, findings));
    }

    /// <summary>The row and roster rules against the unit's register (the same checks an upload gets).</summary>
    public async Task<(RosterValidationResult Checked, Dictionary<string, RegisterEntry> Register)> CheckRowsAsync(int unitId, IReadOnlyList<RosterRow> rows, CancellationToken ct)
    {
        var register = await db.Register.AsNoTracking()
            .Where(r => r.UnitId == unitId)
            .Select(r => new RegisterEntry(r.PersonalNumber, r.Category, r.Name, r.IdNumber))
            .ToDictionaryAsync(r => r.PersonalNumber, StringComparer.Ordinal, ct);
        return (RosterValidator.Validate(rows, new RosterContext { Register = register, PersonOptions = validation.Options() }), register);
    }

    private Task<MergeTiming?> MergeUnderLockAsync(
        int batchId, RosterValidationResult checkedRoster, IReadOnlyList<RosterRow> rawRows, IReadOnlyDictionary<string, RegisterEntry> register, RosterUpload upload,
        string safeName, string actor, DateTimeOffset now, System.Diagnostics.Stopwatch timer, long validateMs, CancellationToken ct)
    {
        var findings = checkedRoster.Findings;
        return writes.RunAsync<MergeTiming?>(batchId, async locked =>
        {
            var stillEditable = locked.CheckEditable();
            if (!stillEditable.Succeeded)
            {
                return null;
            }

            // The upload is stored first (in the lock's transaction) so the persons it places can name it.
            await db.SaveChangesAsync(ct);
            var merged = await MergeAsync(locked, checkedRoster, rawRows, register, upload, now, ct);
            var mergeMs = timer.ElapsedMilliseconds;
            upload.RecordKeyed(merged.KeptPortal, merged.Conflicts.Count, merged.SkippedDeleted);
            upload.Record(
                true,
                checkedRoster.Rows.Count,
                findings.Count(f => f.Finding.Severity == Severity.Error),
                findings.Count(f => f.Finding.Severity == Severity.Warning),
                findings.Count(f => f.Finding.Severity == Severity.Fixed),
                merged.Added,
                merged.Updated,
                merged.Unchanged,
                findings);
            audit.Record(actor, AuditActions.UploadRoster, "Batch", locked.Id, locked.UnitId, new { File = safeName, Rows = checkedRoster.Rows.Count, merged.Added, merged.Updated, merged.Unchanged, upload.Errors, upload.Warnings, merged.KeptPortal, Conflicts = merged.Conflicts.Count, merged.SkippedDeleted });
            db.RosterConflicts.AddRange(merged.Conflicts);
            if (merged.Added + merged.Updated + merged.Conflicts.Count > 0)
            {
                writes.Touch(locked);
            }

            // A person whose unique ID key moves is cleared first, so two persons swapping numbers never hold one
            // key at the same moment (the index is checked row by row on both databases).
            if (merged.KeyMoved.Count > 0)
            {
                await db.Persons.Where(p => merged.KeyMoved.Contains(p.Id)).ExecuteUpdateAsync(u => u.SetProperty(p => p.UniqueIdNumber, (string?)null), ct);
            }

            // Changed persons, the upload record and the audit entry go through EF; new persons (up to the whole
            // file) are inserted in bulk, all in the one transaction of the lock.
            await db.SaveChangesAsync(ct);
            await BulkInsert.InsertAsync(db, merged.Fresh, ct);

            // Persons the file placed without changing them still record that this upload's row is theirs (the
            // annotated workbook of this upload carries their keys); set-based, no version change.
            if (merged.PlacedUnchanged.Count > 0)
            {
                await db.Persons.Where(p => merged.PlacedUnchanged.Contains(p.Id)).ExecuteUpdateAsync(u => u.SetProperty(p => p.SourceUploadId, upload.Id), ct);
            }

            return new MergeTiming(merged, mergeMs - validateMs, timer.ElapsedMilliseconds - mergeMs);
        }, ct);
    }

    private sealed record Merged(int Added, int Updated, int Unchanged, List<InsuredPerson> Fresh, List<int> KeyMoved)
    {
        public int KeptPortal { get; init; }

        public int SkippedDeleted { get; init; }

        public List<RosterConflict> Conflicts { get; init; } = [];

        public List<int> PlacedUnchanged { get; init; } = [];
    }

    private sealed record MergeTiming(Merged Merge, long MergeMs, long StoreMs);

    private async Task<Merged> MergeAsync(
        CollectionBatch batch, RosterValidationResult checkedRoster, IReadOnlyList<RosterRow> rawRows, IReadOnlyDictionary<string, RegisterEntry> register,
        RosterUpload upload, DateTimeOffset now, CancellationToken ct)
    {
        // Read untracked: only the persons that change are attached and saved, so a re-upload of 100,000
        // unchanged rows costs no change tracking.
        var existing = await db.Persons.AsNoTracking().Where(p => p.BatchId == batch.Id).OrderBy(p => p.Id).ToListAsync(ct);
        var defaultCategory = settings.DefaultCategoryFor(await db.Units.Where(u => u.Id == batch.UnitId).Select(u => u.Type).SingleAsync(ct));
        var byPersonalNumber = existing.Where(p => p.PersonalNumber is not null).ToLookup(p => p.PersonalNumber!, StringComparer.Ordinal);
        var byId = existing.Where(p => p.IdNumber.Length > 0).ToLookup(p => p.IdNumber, StringComparer.Ordinal);
        var byNameWithoutId = existing.Where(p => p.IdNumber.Length == 0).ToLookup(p => p.Name, StringComparer.Ordinal);
        var matched = new HashSet<InsuredPerson>(ReferenceEqualityComparer.Instance);
        var keyBefore = existing.ToDictionary(p => p.Id, p => p.UniqueIdNumber);
        var changed = new HashSet<InsuredPerson>(ReferenceEqualityComparer.Instance);
        var findingsByRow = checkedRoster.Findings.Where(f => f.Row > 0).ToLookup(f => f.Row);

        // Rows carrying this batch's keys claim their persons first (a key is honoured once), so no other row can
        // take such a person by its number or name.
        var byKey = existing.ToDictionary(p => p.Id);
        var keyed = new Dictionary<int, InsuredPerson>();
        var deletedKeys = new HashSet<int>();
        foreach (var row in checkedRoster.Rows)
        {
            if (row.Key is { } key && key.BatchId == batch.Id)
            {
                if (byKey.TryGetValue(key.PersonId, out var owner) && matched.Add(owner))
                {
                    keyed[row.RowNumber] = owner;
                }
                else if (!byKey.ContainsKey(key.PersonId))
                {
                    deletedKeys.Add(row.RowNumber);
                }
            }
        }

        var rawByRow = rawRows.ToDictionary(r => r.RowNumber);
        var conflicts = new List<RosterConflict>();
        var placedUnchanged = new List<int>();
        int added = 0, updated = 0, unchanged = 0, keptPortal = 0, skippedDeleted = 0;
        var fresh = new List<InsuredPerson>();
        foreach (var row in checkedRoster.Rows)
        {
            var rowKey = row.Key;
            var edited = rowKey is not null && rowKey.RowStamp != row.RowStamp;
            if (deletedKeys.Contains(row.RowNumber))
            {
                // Deleted in the portal since the download: an untouched row stays deleted; an edited one is the
                // clerk's to decide (re-add or not), never re-added silently.
                if (edited)
                {
                    conflicts.Add(new RosterConflict(batch.Id, batch.UnitId, upload.Id, row.RowNumber, rowKey!.PersonId, RosterConflictKind.Deleted, rawByRow[row.RowNumber].Cells.Select(c => c.Text).ToList(), Cut(row.Person.Normalized.Name), now));
                }
                else
                {
                    skippedDeleted++;
                }

                continue;
            }

            InsuredPerson? person = null;
            if (keyed.TryGetValue(row.RowNumber, out var owner))
            {
                var portalStamp = owner.ValuesStamp();
                var portalChanged = portalStamp != rowKey!.PersonStamp;
                if (!edited || (portalChanged && InsuredPerson.ValuesStampOf(row.Person, row.ClassOrDepartment) == portalStamp))
                {
                    // Left alone in the workbook (or edited to what the portal already holds): the portal's values stand.
                    keptPortal += portalChanged && !edited ? 1 : 0;
                    unchanged += portalChanged && !edited ? 0 : 1;
                    Place(owner, row.RowNumber);
                    continue;
                }

                if (portalChanged)
                {
                    conflicts.Add(new RosterConflict(batch.Id, batch.UnitId, upload.Id, row.RowNumber, owner.Id, RosterConflictKind.ChangedInBoth, rawByRow[row.RowNumber].Cells.Select(c => c.Text).ToList(), owner.Name, now));
                    Place(owner, row.RowNumber);
                    continue;
                }

                person = owner;
            }

            // A person's findings are keyed by column name (the same names as PersonFields), so the read-only
            // columns (个人编号, 人员类别 …) have a place in the grid too.
            var rowFindings = findingsByRow[row.RowNumber].Select(f => f.Column is { } c ? f.Finding with { Field = c.ToString() } : f.Finding).ToList();
            var personalNumber = Blank(row.PersonalNumber);
            register.TryGetValue(personalNumber ?? "", out var registered);

            // Each existing person matches at most one row, so duplicate rows stay two persons (both in error)
            // and uploading the same file again pairs every row with the person it made last time.
            // A row without 个人编号 and ID number can only be recognised by its name.
            var id = row.Person.Normalized.IdNumber ?? "";
            person ??= (personalNumber is null ? null : byPersonalNumber[personalNumber].FirstOrDefault(p => !matched.Contains(p)))
                ?? (id.Length > 0 ? byId[id] : byNameWithoutId[row.Person.Normalized.Name ?? ""]).FirstOrDefault(p => !matched.Contains(p));

            if (person is null)
            {
                var (created, refused) = batch.CreatePerson(now);
                person = created ?? throw new InvalidOperationException("The batch was checked editable before the merge: " + refused.Error);
                fresh.Add(person);
                added++;
            }
            else
            {
                matched.Add(person);
                if (person.HasSameValues(row.Person, rowFindings) && person.SourceRow == row.RowNumber)
                {
                    unchanged++;
                    if (person.SourceUploadId != upload.Id)
                    {
                        placedUnchanged.Add(person.Id);
                    }

                    continue;
                }

                updated++;
            }

            person.Apply(row.Person, now, rowFindings);
            person.SourceRow = row.RowNumber;
            person.SourceUploadId = upload.Id;
            // Read-only columns come from the register when the person is in it, whatever the file says.
            person.SetRosterColumns(
                registered?.PersonalNumber ?? personalNumber,
                registered?.Category ?? Blank(row.Category) ?? (registered is null ? defaultCategory : null),
                registered?.Name ?? row.OriginalName,
                registered?.IdNumber ?? row.OriginalIdNumber,
                row.ClassOrDepartment);
            if (person.Id != 0)
            {
                changed.Add(person);
            }
        }

        // The batch-level rule: every holder of a number held more than once in the batch (in the file, or one row
        // of the file and a person already there) is flagged; a group that shrank to one is clean again.
        foreach (var group in existing.Concat(fresh).Where(p => p.IdNumber.Length > 0).GroupBy(p => p.IdNumber, StringComparer.Ordinal))
        {
            changed.UnionWith(BatchGroupRules.ApplyIdGroup([.. group], now).Where(p => p.Id != 0));
        }

        foreach (var person in changed)
        {
            db.Entry(person).State = EntityState.Modified;
        }

        // An earlier open conflict of a person this file decided about again is replaced by this file's outcome.
        var decided = keyed.Values.Select(p => p.Id).ToList();
        if (decided.Count > 0)
        {
            foreach (var old in await db.RosterConflicts.Where(c => c.BatchId == batch.Id && c.Resolution == RosterConflictResolution.Open && decided.Contains(c.PersonId)).ToListAsync(ct))
            {
                old.Resolve(RosterConflictResolution.Superseded, upload.Actor, now);
            }
        }

        var keyMoved = changed.Where(p => keyBefore[p.Id] is not null && keyBefore[p.Id] != p.UniqueIdNumber).Select(p => p.Id).ToList();
        return new Merged(added, updated, unchanged, fresh, keyMoved)
        {
            KeptPortal = keptPortal,
            SkippedDeleted = skippedDeleted,
            Conflicts = conflicts,
            PlacedUnchanged = placedUnchanged,
        };

        // The person's row in this upload, without touching the person's values or version.
        void Place(InsuredPerson person, int rowNumber)
        {
            if (person.SourceRow == rowNumber)
            {
                if (person.SourceUploadId != upload.Id)
                {
                    placedUnchanged.Add(person.Id);
                }

                return;
            }

            // The row moved in the workbook (sorted, rows inserted above): only the person's place changes.
            person.SourceRow = rowNumber;
            person.SourceUploadId = upload.Id;
            changed.Add(person);
        }
    }

    private static string FormatOf(RosterReadResult read) => read.Format?.ToString().ToLowerInvariant() ?? "unknown";

    private static string Cut(string? name) => (name ?? "").Length > 50 ? name![..50] : name ?? "";

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
