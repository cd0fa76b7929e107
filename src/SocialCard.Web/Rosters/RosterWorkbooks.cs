using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Auditing;
using SocialCard.Core.Batches;
using SocialCard.Core.Persons;
using SocialCard.Core.Rosters;
using SocialCard.Core.Validation;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Rosters;

/// <summary>
/// The workbooks a clerk downloads to edit offline and upload back: the annotated copy of an upload and the whole
/// batch as a roster. Both carry a hidden 系统行标识 key per row (<see cref="RosterRowKey"/>), so the upload
/// (<see cref="RosterImport"/>) updates exactly the persons they came from and reports what changed in both places.
/// </summary>
public sealed class RosterWorkbooks(AppDbContext db, IRosterReader reader, RosterImport import, RosterSettings settings, PersonValidation validation, AuditLog audit)
{
    /// <summary>
    /// The clerk's upload with its findings marked. Each row whose person this upload last placed gets the person's
    /// key; a row the person has moved away from since (fixed in the browser) gets a stale stamp, so an edit of it
    /// in the workbook becomes a conflict instead of undoing the fix.
    /// </summary>
    /// <remarks>The download is audited (<paramref name="actor"/>).</remarks>
    public async Task<MemoryStream> AnnotatedAsync(CollectionBatch batch, RosterUpload upload, string actor, CancellationToken ct = default)
    {
        var findings = upload.Findings;
        var read = reader.Read(new MemoryStream(upload.Content, writable: false), upload.FileName, settings.Limits);
        var keys = read.Succeeded ? await KeysAsync(batch, upload, read.Rows, ct) : null;
        var output = new MemoryStream();
        if (upload.Format == "xlsx")
        {
            AnnotatedWorkbookWriter.AnnotateXlsx(new MemoryStream(upload.Content, writable: false), output, findings, keys);
        }
        else
        {
            AnnotatedWorkbookWriter.WriteFromRows(output, read.Rows, findings, settings.TemplateCategories, validation.AddressMaxLength, keys);
        }

        await audit.RecordNowAsync(actor, AuditActions.DownloadAnnotated, "Batch", batch.Id, batch.UnitId, new { Upload = upload.Id }, ct);
        output.Position = 0;
        return output;
    }

    /// <summary>
    /// The roster template for a batch: one row per register entry of the unit, carrying what the unit's batches
    /// already hold about the person (the latest record matched by 个人编号, else by 身份证号码), so the clerk
    /// only fills what is missing.
    /// </summary>
    /// <remarks>The download is audited with the number of register rows and how many were completed from earlier records.</remarks>
    public async Task<MemoryStream> TemplateAsync(CollectionBatch batch, string actor, CancellationToken ct = default)
    {
        var register = await db.Register.AsNoTracking()
            .Where(r => r.UnitId == batch.UnitId)
            .OrderBy(r => r.PersonalNumber)
            .Select(r => new RegisterEntry(r.PersonalNumber, r.Category, r.Name, r.IdNumber))
            .ToListAsync(ct);
        var known = await db.Persons.AsNoTracking()
            .Where(p => p.UnitId == batch.UnitId)
            .Select(p => new KnownPerson(p.PersonalNumber, p.IdNumber, p.Sex, p.BirthDate, p.EthnicityCode, p.Phone, p.Postcode, p.Address, p.ClassOrDepartment, p.UpdatedAt, p.Id))
            .ToListAsync(ct);

        // Latest first (SQLite cannot order by DateTimeOffset, so this sorts here); the first match wins.
        var latest = known.OrderByDescending(k => k.UpdatedAt).ThenByDescending(k => k.Id).ToList();
        var byNumber = new Dictionary<string, KnownPerson>(StringComparer.Ordinal);
        var byId = new Dictionary<string, KnownPerson>(StringComparer.OrdinalIgnoreCase);
        foreach (var k in latest)
        {
            if (!string.IsNullOrEmpty(k.PersonalNumber))
            {
                byNumber.TryAdd(k.PersonalNumber, k);
            }

            byId.TryAdd(k.IdNumber, k);
        }

        var completed = 0;
        var rows = register.Select(entry =>
        {
            var match = byNumber.GetValueOrDefault(entry.PersonalNumber) ?? byId.GetValueOrDefault(entry.IdNumber);
            if (match is null)
            {
                return entry;
            }

            completed++;
            return entry with { Known = match.Values() };
        }).ToList();

        var output = new MemoryStream();
        RosterTemplateWriter.Write(output, rows, settings.TemplateCategories, validation.AddressMaxLength);
        await audit.RecordNowAsync(actor, AuditActions.DownloadTemplate, "Batch", batch.Id, batch.UnitId, new { Prefilled = rows.Count, Completed = completed }, ct);
        output.Position = 0;
        return output;
    }

    /// <summary>Every person of the batch as a roster in the template layout, with their current findings marked.</summary>
    public async Task<MemoryStream> BatchRosterAsync(CollectionBatch batch, string actor, CancellationToken ct = default)
    {
        var persons = await db.Persons.AsNoTracking().Where(p => p.BatchId == batch.Id)
            .OrderBy(p => p.SourceRow ?? int.MaxValue).ThenBy(p => p.Id).ToListAsync(ct);
        var rows = new List<RosterRow>(persons.Count);
        var findings = new List<RosterFinding>();
        var keys = new Dictionary<int, string>(persons.Count);
        var rowNumber = 1;
        foreach (var person in persons)
        {
            rowNumber++;
            var values = Values(person);
            rows.Add(new RosterRow(rowNumber, values.Select(v => new RosterCell(v)).ToArray()));
            keys[rowNumber] = new RosterRowKey(batch.Id, person.Id, person.ValuesStamp(), RosterRowKey.RowStampOf(values)).ToString();
            foreach (var f in person.Findings)
            {
                var column = Enum.TryParse<RosterColumn>(f.Field, out var c) && Enum.IsDefined(c) ? c : (RosterColumn?)null;
                findings.Add(new RosterFinding(rowNumber, column, f, column is { } col ? values[(int)col] : null));
            }
        }

        var output = new MemoryStream();
        AnnotatedWorkbookWriter.WriteFromRows(output, rows, findings, settings.TemplateCategories, validation.AddressMaxLength, keys);
        await audit.RecordNowAsync(actor, AuditActions.DownloadBatchRoster, "Batch", batch.Id, batch.UnitId, null, ct);
        output.Position = 0;
        return output;
    }

    /// <summary>A person's values as the template's cells (indexed by <see cref="RosterColumn"/>), as the reader reads them back.</summary>
    public static string?[] Values(InsuredPerson p)
    {
        var values = new string?[RosterTemplate.Columns.Count];
        values[(int)RosterColumn.PersonalNumber] = p.PersonalNumber;
        values[(int)RosterColumn.Category] = p.Category;
        values[(int)RosterColumn.OriginalName] = p.OriginalName;
        values[(int)RosterColumn.OriginalIdNumber] = p.OriginalIdNumber;
        values[(int)RosterColumn.Name] = p.Name;
        values[(int)RosterColumn.IdNumber] = p.IdNumber;
        new KnownPerson(p.PersonalNumber, p.IdNumber, p.Sex, p.BirthDate, p.EthnicityCode, p.Phone, p.Postcode, p.Address, p.ClassOrDepartment, p.UpdatedAt, p.Id)
            .Fill(values);
        return values;
    }

    /// <summary>The fields of a person a roster row carries beyond name, ID number and the register's columns.</summary>
    private sealed record KnownPerson(
        string? PersonalNumber,
        string IdNumber,
        Sex? Sex,
        DateOnly? BirthDate,
        string? EthnicityCode,
        string? Phone,
        string? Postcode,
        string? Address,
        string? ClassOrDepartment,
        DateTimeOffset UpdatedAt,
        int Id)
    {
        public string?[] Values() => Fill(new string?[RosterTemplate.Columns.Count]);

        public string?[] Fill(string?[] values)
        {
            values[(int)RosterColumn.Sex] = Sex?.ToChinese();
            values[(int)RosterColumn.BirthDate] = BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            values[(int)RosterColumn.Ethnicity] = EthnicityCode is { } code && Ethnicities.TryParse(code, out var e) ? $"{e.Code} {e.Name}" : EthnicityCode;
            values[(int)RosterColumn.Phone] = Phone;
            values[(int)RosterColumn.Postcode] = Postcode;
            values[(int)RosterColumn.Address] = Address;
            values[(int)RosterColumn.ClassOrDepartment] = ClassOrDepartment;
            return values;
        }
    }

    private async Task<Dictionary<int, string>> KeysAsync(CollectionBatch batch, RosterUpload upload, IReadOnlyList<RosterRow> rows, CancellationToken ct)
    {
        var placed = await db.Persons.AsNoTracking()
            .Where(p => p.BatchId == batch.Id && p.SourceUploadId == upload.Id && p.SourceRow != null)
            .ToListAsync(ct);
        var (checkedRows, _) = await import.CheckRowsAsync(batch.UnitId, rows, ct);
        var byRow = checkedRows.Rows.ToDictionary(r => r.RowNumber);
        var keys = new Dictionary<int, string>(placed.Count);
        foreach (var person in placed.Where(p => byRow.ContainsKey(p.SourceRow!.Value)))
        {
            var row = byRow[person.SourceRow!.Value];
            var stamp = person.ValuesStamp();
            var fresh = InsuredPerson.ValuesStampOf(row.Person, row.ClassOrDepartment) == stamp;
            keys[row.RowNumber] = new RosterRowKey(batch.Id, person.Id, fresh ? stamp : RosterRowKey.Stale, row.RowStamp).ToString();
        }

        return keys;
    }
}
