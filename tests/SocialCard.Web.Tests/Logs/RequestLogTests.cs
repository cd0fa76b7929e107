using System.Net;
using System.Text.Json;
using SocialCard.Core.Persons;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Logs;

/// <summary>
/// One request event per request (Serilog's request logging), with the fields operators filter on: RequestMethod,
/// RequestPath, Query, StatusCode, Elapsed and User; an ID number in the path or the query is written masked, a typed
/// search without its value.
/// </summary>
public abstract class RequestLogTests(PortalFactory factory)
{
    protected PortalFactory Factory { get; } = factory;

    [Fact]
    public async Task A_request_is_one_event_with_status_elapsed_path_query_and_user_and_its_ID_numbers_masked()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var id = Ids.Make(year: 1987, month: 3, day: 9);
        var path = $"/nowhere/{id}";
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Http.GetAsync($"{path}?ref={id}&q={Uri.EscapeDataString("欧阳 " + id)}")).StatusCode);
        using var visitor = PortalClient.Create(Factory);
        // Signed out: sent to the login page (the fallback policy), the path as its return address.
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.Http.GetAsync(path)).StatusCode);

        var logs = Factory.ReadLogs();
        Assert.DoesNotContain(id, logs);
        var masked = CitizenId.Mask(id);
        var events = RequestEvents(logs, "/nowhere/" + masked);
        Assert.Equal(2, events.Count);

        var signedIn = Assert.Single(events, e => e.GetProperty("User").GetString() == unit.Number);
        Assert.Equal("GET", signedIn.GetProperty("RequestMethod").GetString());
        Assert.Equal(404, signedIn.GetProperty("StatusCode").GetInt32());
        Assert.True(signedIn.GetProperty("Elapsed").GetDouble() > 0);
        Assert.Equal($"?ref={masked}&q=***", signedIn.GetProperty("Query").GetString());
        Assert.StartsWith($"HTTP GET /nowhere/{masked}?ref={masked}&q=*** responded 404 in ", signedIn.GetProperty("@m").GetString());
        Assert.EndsWith($" ms for {unit.Number}", signedIn.GetProperty("@m").GetString());

        var anonymous = Assert.Single(events, e => e.GetProperty("User").GetString() == "-");
        Assert.Equal("", anonymous.GetProperty("Query").GetString());
        Assert.Equal(302, anonymous.GetProperty("StatusCode").GetInt32());
    }

    private static List<JsonElement> RequestEvents(string logs, string requestPath) =>
        [.. logs.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.TryGetProperty("RequestPath", out var p) && p.GetString() == requestPath)];
}

public sealed class SqliteRequestLogTests(SqlitePortalFactory factory) : RequestLogTests(factory), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresRequestLogTests(PostgresPortalFactory factory) : RequestLogTests(factory), IClassFixture<PostgresPortalFactory>;
