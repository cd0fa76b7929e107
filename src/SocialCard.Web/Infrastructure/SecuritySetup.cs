using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using SocialCard.Data;
using SocialCard.Web.Api;
using SocialCard.Web.Status;

namespace SocialCard.Web.Infrastructure;

/// <summary>Accounts and who may do what: Identity with its cookie, the API keys, the role policies and the rate limits.</summary>
public static class SecuritySetup
{
    public const string UnitPolicy = "Unit";
    public const string HallPolicy = "Hall";
    public const string AdminPolicy = "Admin";

    public static IServiceCollection AddPortalSecurity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<ClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "socialcard.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "socialcard.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(BatchApi.Policy, BatchApi.BuildPolicy())
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(UnitPolicy, p => p.RequireRole(Roles.UnitClerk).RequireClaim(ClaimsFactory.UnitIdClaim))
            .AddPolicy(HallPolicy, p => p.RequireRole(Roles.HallStaff).RequireClaim(ClaimsFactory.HallIdClaim))
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin));

        services.AddStatusLookup();
        services.AddApiRateLimit();
        services.AddSignInLimit();
        return services;
    }
}
