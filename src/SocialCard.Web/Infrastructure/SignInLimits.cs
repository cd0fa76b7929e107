using Microsoft.AspNetCore.RateLimiting;
using SocialCard.Web.Status;

namespace SocialCard.Web.Infrastructure;

/// <summary>The "SignIn" configuration section.</summary>
public sealed class SignInSettings
{
    public const string Section = "SignIn";

    /// <summary>Sign-in attempts (posts of the login form) one client address may make per minute.</summary>
    public int PermitsPerMinute { get; set; } = 10;
}

/// <summary>
/// A fixed-window limit per client address on posts of the login form (an IPv6 client counts per /64, as for the
/// status lookup), so guessing passwords from one address is slowed before accounts lock. A refused post answers
/// 429 with <c>Retry-After</c>, and the error page says when to try again.
/// </summary>
public static class SignInLimits
{
    public const string Policy = "sign-in";

    /// <summary>The <see cref="HttpContext.Items"/> key that tells the error page a sign-in was refused.</summary>
    public const string RefusedItem = "SocialCard.SignInRefused";

    public static IServiceCollection AddSignInLimit(this IServiceCollection services)
    {
        services.AddSettings<SignInSettings>(SignInSettings.Section, settings =>
        {
            settings.PermitsPerMinute = Math.Max(1, settings.PermitsPerMinute);
        });
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(Policy, context =>
            StatusLookupLimits.PostsPerAddress(context, context.RequestServices.GetRequiredService<SignInSettings>().PermitsPerMinute)));
        return services;
    }

    public static bool IsSignIn(HttpContext context) => context.Request.Path.StartsWithSegments("/Account/Login", StringComparison.OrdinalIgnoreCase);

    /// <summary>Answers a refused sign-in: the error page (re-executed for the 429) shows the wait.</summary>
    public static void Reject(HttpContext context, TimeSpan wait)
    {
        StatusLookupLimits.SetRetryAfter(context, wait);
        context.Items[RefusedItem] = true;
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInLimits))
            .LogWarning("Sign-in refused: {Client:l} made more than its sign-in attempts per minute", StatusLookupLimits.ClientKey(context.Connection.RemoteIpAddress));
    }
}
