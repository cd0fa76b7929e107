using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Data;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// The portal on a fresh SQLite file, served by Kestrel on a free port of this machine, so that a real
/// browser (which cannot use the in-memory TestServer) can open it.
/// </summary>
public sealed class KestrelPortalFactory(IDictionary<string, string?>? settings = null) : PortalFactory(DatabaseProvider.Sqlite)
{
    protected override IDictionary<string, string?> ExtraSettings => settings ?? new Dictionary<string, string?>();

    /// <summary>Starts Kestrel on a port the operating system picks and returns the address it listens on.</summary>
    public Uri Start()
    {
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
        return uri;
    }
}
