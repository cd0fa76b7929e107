using System.Net;
using System.Text;
using SocialCard.Core.Persons;
using SocialCard.Core.Rosters;
using SocialCard.Web.Tests.Http;
using SocialCard.Web.Tests.Infrastructure;
using SocialCard.Web.Tests.Photos;
using SocialCard.Web.Tests.Rosters;

namespace SocialCard.Web.Tests.Logs;

/// <summary>
/// Personal names stay out of the logs: a name in an uploaded photo's or roster's file name is masked to its first
/// character, and a typed user name that is no account is logged as "unknown account" with the client address.
/// </summary>
public abstract class NameLogTests(SignInFactory factory)
{
    /// <summary>The name these tests put into file names and the login field; <see cref="LogScanTests"/> looks for it in every log.</summary>
    public const string Name = "欧阳娜娜";

    /// <summary>How <see cref="Name"/> may appear in a log: its first character, the rest masked.</summary>
    public const string MaskedName = "欧***";

    protected SignInFactory Factory { get; } = factory;

    [Fact]
    public async Task Names_in_photo_and_roster_file_names_are_logged_masked()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var clerk = ClientAddresses.Visitor(Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.LoginAsync(unit.Number, TestData.Password)).StatusCode);
        var batchId = await RosterTests.CreateBatchAsync(clerk);
        var id = Ids.Make(year: 1993, month: 6, day: 21, male: false);
        var added = await clerk.SubmitAsync($"/Unit/Persons/Edit/{batchId}", "form.card", PortalTests.PersonFormValues(Name, id, "女"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var report = await PhotoTests.UploadPhotosAsync(clerk, batchId, $"{id}-{Name}.jpg", PhotoFiles.DrawnFigure());
        Assert.Equal("1", report.QuerySelector("#photos-matched")!.TextContent.Trim());
        await RosterTests.UploadAsync(clerk, batchId, $"{Name}.csv", Encoding.UTF8.GetBytes(string.Join(",", RosterTemplate.Columns.Select(c => c.Header)) + "\r\n"));

        var logs = Factory.ReadLogs();
        Assert.DoesNotContain(Name, logs);
        Assert.Contains($"{CitizenId.Mask(id)}-{MaskedName}.jpg", logs);
        Assert.Contains($"{MaskedName}.csv", logs);
    }

    [Fact]
    public async Task A_typed_user_name_that_is_no_account_is_logged_as_unknown_with_the_client_address()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        var address = ClientAddresses.Next();
        using var stranger = ClientAddresses.Visitor(Factory, address);
        var failed = await stranger.LoginAsync(Name, "whatever-1");
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Contains("密码不正确", await failed.Content.ReadAsStringAsync());
        var clerkAddress = ClientAddresses.Next();
        using var mistyped = ClientAddresses.Visitor(Factory, clerkAddress);
        Assert.Equal(HttpStatusCode.OK, (await mistyped.LoginAsync(unit.Number, "wrong-pass1")).StatusCode);

        var logs = Factory.ReadLogs();
        Assert.DoesNotContain(Name, logs);
        Assert.Contains($"Failed sign-in for an unknown account from {address}", logs);
        // An existing account's user name may be logged.
        Assert.Contains($"Failed sign-in for \\\"{unit.Number}\\\" from {clerkAddress}", logs);
    }
}

public sealed class SqliteNameLogTests(SqliteSignInFactory factory) : NameLogTests(factory), IClassFixture<SqliteSignInFactory>;

public sealed class PostgresNameLogTests(PostgresSignInFactory factory) : NameLogTests(factory), IClassFixture<PostgresSignInFactory>;
