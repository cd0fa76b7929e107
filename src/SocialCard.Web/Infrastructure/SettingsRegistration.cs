using Microsoft.Extensions.Options;

namespace SocialCard.Web.Infrastructure;

/// <summary>
/// How every feature registers its typed settings: the class is bound from its configuration section through the
/// options pipeline (so a test's or an operator's configuration is the one that counts) and registered itself as a
/// singleton, checked once when first resolved. <see cref="CheckSettings"/> resolves each one at start-up, so a
/// wrong value stops the start with a <see cref="StartupException"/> that names the key.
/// </summary>
public static class SettingsRegistration
{
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section, Action<T>? validate = null)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        services.AddSingleton(new SettingsType(typeof(T)));
        var options = services.AddOptions<T>().BindConfiguration(section);
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<T>>().Value;
            validate?.Invoke(settings);
            return settings;
        });
        return options;
    }

    /// <summary>Resolves every registered settings class, so their checks run before the portal takes requests.</summary>
    public static void CheckSettings(this IServiceProvider services)
    {
        foreach (var registered in services.GetServices<SettingsType>())
        {
            services.GetRequiredService(registered.Type);
        }
    }

    private sealed record SettingsType(Type Type);
}
