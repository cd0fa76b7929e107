using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Api;
using SocialCard.Data;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>An HR system's HTTP client: a fresh API key of the unit, sent in the X-Api-Key header.</summary>
public static class ApiClients
{
    public static async Task<HttpClient> WithKeyAsync(PortalFactory factory, int unitId)
    {
        var secret = await IssueKeyAsync(factory, unitId);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        return client;
    }

    /// <summary>Stores a fresh key of the unit and returns its secret.</summary>
    public static async Task<string> IssueKeyAsync(PortalFactory factory, int unitId)
    {
        var (key, secret) = ApiKey.Issue(unitId, "测试", "test", DateTimeOffset.UtcNow);
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync();
        return secret;
    }
}
