using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Status;

namespace SocialCard.Web.Api;

/// <summary>The "Api" configuration section.</summary>
public sealed class ApiSettings
{
    public const string Section = "Api";

    /// <summary>Requests one API key (or, without a key, one client address) may make per minute.</summary>
    public int PermitsPerMinute { get; set; } = 300;
}

/// <summary>
/// A fixed-window limit per API key on the JSON API, so one HR system cannot crowd out the portal. The key is
/// read from its header before authentication and kept only as a hash; requests without a key count per client
/// address. A refused request answers 429 with <c>Retry-After</c> and a problem document in Chinese.
/// </summary>
public static class ApiRateLimit
{
    public const string Policy = "api";

    public static IServiceCollection AddApiRateLimit(this IServiceCollection services)
    {
        services.AddSettings<ApiSettings>(ApiSettings.Section, settings =>
        {
            settings.PermitsPerMinute = Math.Max(1, settings.PermitsPerMinute);
        });
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(Policy, context =>
        {
            var permits = context.RequestServices.GetRequiredService<ApiSettings>().PermitsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        }));
        return services;
    }

    public static bool IsApiRequest(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>Answers a refused API request: a problem document, not the HTML error page.</summary>
    public static async ValueTask RejectAsync(HttpContext context, TimeSpan wait, CancellationToken ct)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var permits = context.RequestServices.GetRequiredService<ApiSettings>().PermitsPerMinute;
        await ApiProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, $"请求过于频繁：每个 API 密钥每分钟最多 {permits} 次请求，请于 {seconds} 秒后重试。", TimeSpan.FromSeconds(seconds), ct);
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiRateLimit))
            .LogWarning("API request refused: the key made more than its requests per minute");
    }

    private static string PartitionKey(HttpContext context)
    {
        var key = context.Request.Headers[ApiKeyAuthentication.HeaderName].ToString();
        return key.Length == 0
            ? "address:" + StatusLookupLimits.ClientKey(context.Connection.RemoteIpAddress)
            : "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
