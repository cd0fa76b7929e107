using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Batches;
using SocialCard.Core.Rosters;
using SocialCard.Core.Validation;
using SocialCard.Data;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Rosters;

/// <summary>
/// <see cref="RosterUpload.Findings"/> is typed in the model and stored in the column <c>roster_uploads.FindingsJson</c>
/// with each finding in the format of every findings column (as a person's); rows in the flat shape of earlier
/// versions read back and are written in the current shape when saved again.
/// </summary>
public abstract class RosterFindingsColumnTests(PortalFactory factory)
{
    private static readonly RosterFinding[] Findings =
    [
        new(2, RosterColumn.Address, new Finding(RuleCodes.AddressTooLong, Severity.Error, "Address", "常住地址太长。"), "潍坊\"市"),
        new(0, null, new Finding(RuleCodes.FileTooLarge, Severity.Warning, "File", "文件较大。", "拆分"), null),
    ];

    private const string Stored =
        """[{"Row":2,"Column":"Address","Value":"潍坊\"市","Finding":{"Code":"ADDRESS_TOO_LONG","Severity":0,"Field":"Address","Message":"常住地址太长。","SuggestedValue":null}},""" +
        """{"Row":0,"Column":null,"Value":null,"Finding":{"Code":"FILE_TOO_LARGE","Severity":1,"Field":"File","Message":"文件较大。","SuggestedValue":"拆分"}}]""";

    // As versions before 2026-12-07 wrote it: the finding's parts flat beside the row.
    private const string Earlier =
        """[{"Row":2,"Column":"Gone","Code":"ADDRESS_TOO_LONG","Severity":0,"Field":"Address","Message":"常住地址太长。","Suggested":null,"Value":"潍坊\"市"},""" +
        """{"Row":0,"Column":null,"Code":"FILE_TOO_LARGE","Severity":1,"Field":"File","Message":"文件较大。","Suggested":"拆分","Value":null}]""";

    [Fact]
    public async Task Findings_are_stored_in_the_findings_format_and_earlier_rows_read_back()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(factory);
        var now = DateTimeOffset.UtcNow;
        int uploadId;
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var batch = new CollectionBatch(unit.Id, "列存储", "test", now);
            db.Batches.Add(batch);
            await db.SaveChangesAsync();
            var upload = new RosterUpload(batch.Id, unit.Id, "花名册.csv", "csv", [1, 2, 3], "test", now);
            upload.Record(true, 1, 1, 1, 0, 1, 0, 0, Findings);
            db.RosterUploads.Add(upload);
            await db.SaveChangesAsync();
            uploadId = upload.Id;
            Assert.Equal(Stored, await RawAsync(db, uploadId));
        }

        // A row as the earlier code wrote it (and a column name the model no longer has, which reads as no column).
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlAsync($"UPDATE roster_uploads SET \"FindingsJson\" = {Earlier} WHERE \"Id\" = {uploadId}");
        }

        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var read = await db.RosterUploads.AsNoTracking().SingleAsync(u => u.Id == uploadId);
            Assert.Equal([Findings[0] with { Column = null }, Findings[1]], read.Findings);

            // Changed in place through the tracked entity, the column is written again.
            var tracked = await db.RosterUploads.SingleAsync(u => u.Id == uploadId);
            tracked.Record(true, 1, 1, 1, 0, 1, 0, 0, Findings);
            await db.SaveChangesAsync();
            Assert.Equal(Stored, await RawAsync(db, uploadId));
        }
    }

    private static Task<string> RawAsync(AppDbContext db, int uploadId) =>
        db.Database.SqlQuery<string>($"SELECT \"FindingsJson\" AS \"Value\" FROM roster_uploads WHERE \"Id\" = {uploadId}").SingleAsync();
}

public sealed class SqliteRosterFindingsColumnTests(SqlitePortalFactory factory) : RosterFindingsColumnTests(factory), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresRosterFindingsColumnTests(PostgresPortalFactory factory) : RosterFindingsColumnTests(factory), IClassFixture<PostgresPortalFactory>;
