using SocialCard.Core.Persons.Rules;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Persons;

/// <summary>
/// Checks one person's core fields against docs/RULES.md ("Citizen ID number" and "Other fields") and
/// normalises them. Sex and birth date are compared with the ID number; a 15-digit number is compared
/// through its 18-digit form.
/// </summary>
public static class PersonValidator
{
    public static PersonValidationResult Validate(PersonInput input, PersonValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.AddressMaxLength, 1, nameof(options));
        var today = options.Today ?? ChinaClock.Today;

        var findings = new List<Finding>();
        var name = NameRule.Check(input.Name, findings);
        var id = CitizenId.Parse(input.IdNumber, options.Regions, today);
        findings.AddRange(id.Findings);
        var reference = id.Id ?? (id.Converted18 is { } converted ? new CitizenId(converted) : null);
        var sex = SexRule.Check(input.Sex, reference, findings);
        var birthDate = BirthDateRule.Check(input.BirthDate, reference, today, findings);
        var ethnicity = EthnicityRule.Check(input.Ethnicity, findings);
        var phone = PhoneRule.Check(input.Phone, findings);
        var postcode = PostcodeRule.Check(input.Postcode, findings);
        var address = AddressRule.Check(input.Address, options.AddressMaxLength, findings);

        var normalized = new PersonInput(name, id.Normalized, sex, birthDate, ethnicity, phone, postcode, address);
        return new PersonValidationResult(normalized, findings) { Id = id.Id };
    }
}
