using SocialCard.Core.Persons;

namespace SocialCard.Web.Infrastructure;

/// <summary>The deployment's validation settings plus today's date in China, for every validation the web app does.</summary>
public sealed class PersonValidation(PersonValidationOptions settings, TimeProvider clock)
{
    public int AddressMaxLength => settings.AddressMaxLength;

    public PersonValidationResult Validate(PersonInput input) => PersonValidator.Validate(input, Options());

    /// <summary>The options as of now (today's date in China), for validators that take them directly.</summary>
    public PersonValidationOptions Options() => new()
    {
        AddressMaxLength = settings.AddressMaxLength,
        Regions = settings.Regions,
        Today = ChinaTime.Today(clock),
    };
}
