using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Data;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// The portal served by Kestrel on a free port of this machine, so that a real browser (which cannot use
/// the in-memory TestServer) can open it, and so that Kestrel's own limits (request body size) apply.
/// </summary>
public abstract class KestrelPortal(DatabaseProvider provider, IDictionary<string, string?>? settings = null) : PortalFactory(provider)
{
    private Uri? _address;

    protected override IDictionary<string, string?> ExtraSettings => settings ?? new Dictionary<string, string?>();

    /// <summary>Starts Kestrel on a port the operating system picks and returns the address it listens on.</summary>
    public Uri Start()
    {
        if (_address is not null)
        {
            return _address;
        }

        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"Kestrel reported no http address (addresses: {string.Join(", ", addresses)}).");
        var uri = new Uri(address);
        if (uri.Port == 0)
        {
            throw new InvalidOperationException($"Kestrel reported port 0 ({address}); the server did not bind.");
        }

        // "localhost" may resolve to ::1 first while Kestrel listens on 127.0.0.1 only (or the reverse): use the address as bound.
        return _address = uri;
    }

    /// <summary>A browser-like client over real HTTP (sockets, Kestrel's limits), signed in as <paramref name="userName"/>.</summary>
    public async Task<PortalClient> SignedInOverHttpAsync(string userName)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() };
        var client = new PortalClient(new HttpClient(handler) { BaseAddress = Start(), Timeout = TimeSpan.FromMinutes(3) });
        var response = await client.SubmitAsync("/Account/Login", "form", new() { ["UserName"] = userName, ["Password"] = TestData.Password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}

/// <summary>The portal on a fresh SQLite file, over Kestrel.</summary>
public sealed class KestrelPortalFactory() : KestrelPortal(DatabaseProvider.Sqlite);

/// <summary>The portal on a fresh SQLite file, over Kestrel, with extra settings (applied last).</summary>
public sealed class ConfiguredKestrelPortalFactory(IDictionary<string, string?> settings) : KestrelPortal(DatabaseProvider.Sqlite, settings);

/// <summary>The portal on a fresh PostgreSQL database, over Kestrel.</summary>
public sealed class PostgresKestrelPortalFactory() : KestrelPortal(DatabaseProvider.Postgres);
