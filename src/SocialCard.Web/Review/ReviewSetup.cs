using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Registry;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Review;

/// <summary>The hall's review: the identity registry (the mock, until a real adapter replaces it), comparisons, marks and on-site photos.</summary>
public static class ReviewSetup
{
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddSettings<RegistrySettings>(RegistrySettings.Section, s => s.Check());
        services.AddSingleton(sp => sp.GetRequiredService<RegistrySettings>().Build(sp.GetRequiredService<IJpegCodec>()));
        services.AddSingleton<IIdentityRegistry>(sp => sp.GetRequiredService<MockIdentityRegistry>());
        services.AddScoped<RegistryComparisons>();
        services.AddScoped<HallMarks>();
        services.AddScoped<OnSitePhotos>();
        return services;
    }
}
