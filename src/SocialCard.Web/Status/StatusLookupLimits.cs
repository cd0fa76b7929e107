using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Status;

/// <summary>The limits of the public status lookup (configuration section <c>StatusLookup</c>).</summary>
public sealed class StatusLookupSettings
{
    public const string Section = "StatusLookup";

    /// <summary>Lookups (form posts) one client address may make per minute.</summary>
    public int PermitsPerMinute { get; set; } = 5;

    /// <summary>Lookups of one ID number that may find nothing per hour, from all addresses together; then that number is locked for the hour.</summary>
    public int FailuresPerIdNumberPerHour { get; set; } = 5;
}

/// <summary>
/// Rate limits of the status lookup, with ASP.NET Core's rate limiter: a fixed window per client address for the
/// form post (an IPv6 client counts per /64 network, which one subscriber usually holds), and
/// <see cref="IdNumberGuard"/> against guessing names for one ID number from many addresses. A refused request
/// answers 429 with a <c>Retry-After</c> header and the Chinese error page says when to try again.
/// </summary>
public static class StatusLookupLimits
{
    public const string Policy = "status-lookup";

    /// <summary>The <see cref="HttpContext.Items"/> key of the wait (a <see cref="TimeSpan"/>) the error page shows.</summary>
    public const string RetryAfterItem = "SocialCard.RetryAfter";

    public static IServiceCollection AddStatusLookup(this IServiceCollection services)
    {
        services.AddSettings<StatusLookupSettings>(StatusLookupSettings.Section, settings =>
        {
            settings.PermitsPerMinute = Math.Max(1, settings.PermitsPerMinute);
            settings.FailuresPerIdNumberPerHour = Math.Max(1, settings.FailuresPerIdNumberPerHour);
        });
        services.AddSingleton<IdNumberGuard>();
        services.AddScoped<StatusLookup>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, context => PostsPerAddress(context, context.RequestServices.GetRequiredService<StatusLookupSettings>().PermitsPerMinute));
            o.OnRejected = (context, ct) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                if (Api.ApiRateLimit.IsApiRequest(context.HttpContext))
                {
                    return Api.ApiRateLimit.RejectAsync(context.HttpContext, wait, ct);
                }

                if (Infrastructure.SignInLimits.IsSignIn(context.HttpContext))
                {
                    Infrastructure.SignInLimits.Reject(context.HttpContext, wait);
                    return ValueTask.CompletedTask;
                }

                SetRetryAfter(context.HttpContext, wait);
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StatusLookupLimits))
                    .LogWarning("Status lookup refused: the client made more than its lookups per minute");
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>
    /// A fixed window of <paramref name="permitsPerMinute"/> form posts per client address (<see cref="ClientKey"/>);
    /// the page itself (GET) is never limited.
    /// </summary>
    public static RateLimitPartition<string> PostsPerAddress(HttpContext context, int permitsPerMinute)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("page");
        }

        return RateLimitPartition.GetFixedWindowLimiter(ClientKey(context.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    /// <summary>Sets the <c>Retry-After</c> header and the wait the error page shows (the 429 page is the error page, re-executed).</summary>
    public static void SetRetryAfter(HttpContext context, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Items[RetryAfterItem] = TimeSpan.FromSeconds(seconds);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The rate limit partition of a client address: IPv4 as is, IPv6 by its /64 network.</summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

/// <summary>
/// Counts lookups of an ID number that found nothing, from every address together; once the hourly allowance is
/// spent, every lookup of that number (with any name) is refused until the window ends. Failures of unknown and of
/// known numbers count alike, so the refusal itself says nothing about the number. Numbers are kept only as keyed
/// hashes (a key made at start-up).
/// </summary>
public sealed class IdNumberGuard : IDisposable
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly PartitionedRateLimiter<string> _failures;

    public IdNumberGuard(StatusLookupSettings settings)
    {
        var permits = settings.FailuresPerIdNumberPerHour;
        _failures = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));
    }

    /// <summary>Null while the number may be looked up; otherwise how long to wait (at most the window).</summary>
    public TimeSpan? Blocked(string idNumber)
    {
        using var lease = _failures.AttemptAcquire(Key(idNumber), 0);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromHours(1);
    }

    public void RecordFailure(string idNumber)
    {
        using var lease = _failures.AttemptAcquire(Key(idNumber));
    }

    public void Dispose() => _failures.Dispose();

    private string Key(string idNumber) => Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(idNumber)));
}
