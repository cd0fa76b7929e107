using SocialCard.Core.Persons;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Rosters;

namespace SocialCard.Web.Batches;

/// <summary>Batches and their persons: the validation settings, the batch lock and the writes on batches and persons.</summary>
public static class BatchSetup
{
    public static IServiceCollection AddBatches(this IServiceCollection services)
    {
        services.AddSettings<ValidationSettings>(ValidationSettings.Section, s => s.Check());
        services.AddSingleton<PersonValidationOptions>(sp =>
            sp.GetRequiredService<ValidationSettings>().Build(sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton<PersonValidation>();
        services.AddScoped<PersonChecks>();
        services.AddScoped<BatchActions>();
        services.AddScoped<BatchWrites>();
        services.AddScoped<PersonWrites>();
        return services;
    }
}
