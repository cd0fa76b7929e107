using SocialCard.Core.Rosters;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Rosters;

/// <summary>Rosters: the settings, the reader, the import, the workbooks a clerk downloads, and the import slots.</summary>
public static class RosterSetup
{
    public static IServiceCollection AddRosters(this IServiceCollection services)
    {
        services.AddSettings<RosterSettings>(RosterSettings.Section, s => s.Check());
        services.AddSingleton<IRosterReader, RosterReader>();
        services.AddSingleton<ImportThrottle>();
        services.AddScoped<RosterImport>();
        services.AddScoped<RosterWorkbooks>();
        services.AddScoped<RosterConflicts>();
        return services;
    }
}
