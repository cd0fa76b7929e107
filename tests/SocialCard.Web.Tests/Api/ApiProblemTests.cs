using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Api;

/// <summary>Every error of the JSON API is an RFC 7807 problem document with a Chinese detail, never the HTML error page or a redirect to the login.</summary>
public abstract class ApiProblemTests(PortalFactory factory)
{
    [Fact]
    public async Task Unknown_paths_missing_keys_other_units_batches_and_bad_bodies_answer_problem_JSON()
    {
        var unitA = await TestData.CreateUnitWithClerkAsync(factory);
        var unitB = await TestData.CreateUnitWithClerkAsync(factory);
        using var apiA = await ApiClients.WithKeyAsync(factory, unitA.Id);
        using var apiB = await ApiClients.WithKeyAsync(factory, unitB.Id);
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var batchId = (await (await apiA.PostAsJsonAsync("/api/v1/batches", new { title = "A单位" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        await AssertProblemAsync(await apiA.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await anonymous.GetAsync("/api/v2/batches"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await anonymous.PostAsync("/api/unknown", null), HttpStatusCode.NotFound);
        await AssertProblemAsync(await anonymous.GetAsync("/api/v1/batches"), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await apiB.GetAsync($"/api/v1/batches/{batchId}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await apiB.PostAsync($"/api/v1/batches/{batchId}/declare", null), HttpStatusCode.NotFound);
        await AssertProblemAsync(await apiA.PostAsync("/api/v1/batches", new StringContent("{\"title\":", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await apiA.PostAsJsonAsync("/api/v1/batches", new { title = "" }), HttpStatusCode.BadRequest);
        using var empty = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        await AssertProblemAsync(await apiA.PostAsync($"/api/v1/batches/{batchId}/roster", empty), HttpStatusCode.BadRequest);

        // The pages keep their own behaviour: an anonymous visitor of a page is sent to the login.
        var pageResponse = await anonymous.GetAsync("/Unit");
        Assert.Equal(HttpStatusCode.Redirect, pageResponse.StatusCode);
    }

    /// <summary>The status, the problem media type, the RFC 7807 members, a Chinese detail and no stack trace.</summary>
    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} gave {(int)response.StatusCode}, not {(int)status}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.True(detail.Any(c => c is >= '\u4e00' and <= '\u9fff'), $"The detail is not Chinese: {detail}");
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        return problem;
    }
}

public sealed class SqliteApiProblemTests(SqlitePortalFactory factory) : ApiProblemTests(factory), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresApiProblemTests(PostgresPortalFactory factory) : ApiProblemTests(factory), IClassFixture<PostgresPortalFactory>;
