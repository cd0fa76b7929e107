using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Data;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>
/// Client addresses for per-address limits: a test app that takes the connection's remote address from a test
/// header (the test server has none of its own), and visitors that each come from their own address.
/// </summary>
public static class ClientAddresses
{
    public const string Header = "X-Test-Client-Address";

    private static int _next;

    /// <summary>Makes the app read <see cref="Header"/> as the client's address.</summary>
    internal static void FromHeader(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FromHeaderFilter>());

    /// <summary>A fresh IPv4 address no other visitor of this test run has.</summary>
    public static string Next()
    {
        var n = Interlocked.Increment(ref _next);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    /// <summary>A browser-like client whose requests come from <paramref name="address"/> (by default a fresh one).</summary>
    public static PortalClient Visitor(PortalFactory factory, string? address = null)
    {
        var client = PortalClient.Create(factory);
        client.Http.DefaultRequestHeaders.Add(Header, address ?? Next());
        return client;
    }

    private sealed class FromHeaderFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[Header] is [{ } address])
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>A portal whose client address each test request names in <see cref="ClientAddresses.Header"/>, for tests of per-address limits.</summary>
public abstract class ClientAddressPortalFactory(DatabaseProvider provider) : PortalFactory(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ClientAddresses.FromHeader(builder);
    }
}
