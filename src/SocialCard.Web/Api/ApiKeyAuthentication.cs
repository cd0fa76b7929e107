using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialCard.Core.Api;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Api;

/// <summary>
/// Authenticates HR systems by a per-unit API key in the <c>X-Api-Key</c> header (or
/// <c>Authorization: Bearer</c>). The principal carries the key's unit, like a clerk's, so the API
/// reaches the same unit-scoped data through the same code.
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AppDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = Request.Headers[HeaderName].FirstOrDefault();
        if (string.IsNullOrEmpty(secret) && Request.Headers.Authorization.FirstOrDefault() is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            secret = auth["Bearer ".Length..].Trim();
        }

        if (string.IsNullOrEmpty(secret))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKey.HashOf(secret);
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null);
        if (key is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, "api:" + key.Prefix),
                new Claim(ClaimsFactory.DisplayNameClaim, key.Name),
                new Claim(ClaimsFactory.UnitIdClaim, key.UnitId.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Role, ApiRoles.Client),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden);
}

public static class ApiRoles
{
    public const string Client = "ApiClient";
}
