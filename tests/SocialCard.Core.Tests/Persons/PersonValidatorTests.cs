using SocialCard.Core.Persons;
using SocialCard.Core.Tests.Support;
using SocialCard.Core.Validation;
using static SocialCard.Core.Tests.Support.FindingAssertions;

namespace SocialCard.Core.Tests.Persons;

public class PersonValidatorTests
{
    [Fact]
    public void A_correct_person_has_no_findings()
    {
        var result = People.Validate(People.Valid);

        Assert.Empty(result.Findings);
        Assert.False(result.HasErrors);
        Assert.Equal(Ids.Male, result.Id!.Value);
        Assert.Equal(People.Valid with { Ethnicity = "01" }, result.Normalized);
    }

    [Fact]
    public void Messy_input_is_normalised_field_by_field()
    {
        var input = new PersonInput(
            Name: " 阿依古丽•买买提 ",
            IdNumber: "４３０１１１ １９９００１０１０５８１",
            Sex: "2",
            BirthDate: "1990/1/1",
            Ethnicity: "维吾尔",
            Phone: " 0991-1234567 ",
            Postcode: " 830000 ",
            Address: " 新疆乌鲁木齐市天山区解放南路1号 ");

        var result = People.Validate(input);

        Assert.Equal(
            new PersonInput("阿依古丽·买买提", Ids.Female, "女", "1990-01-01", "05", "0991-1234567", "830000", "新疆乌鲁木齐市天山区解放南路1号"),
            result.Normalized);
        Assert.False(result.HasErrors, Codes(result.Findings));
        Assert.Equal([RuleCodes.NameNormalized, RuleCodes.IdNormalized], result.Findings.Select(f => f.Code));
        Assert.All(result.Findings, f => Assert.Equal(Severity.Fixed, f.Severity));
        Assert.Equal(Ids.Female, result.Id!.Value);
    }

    [Fact]
    public void An_empty_record_reports_every_required_field_and_nothing_is_null()
    {
        var result = People.Validate(new PersonInput(null, null, null, null, null, null, null, null));

        Assert.True(result.HasErrors);
        Assert.Equal(
            [RuleCodes.NameMissing, RuleCodes.IdMissing, RuleCodes.SexMissing, RuleCodes.EthnicityMissing, RuleCodes.PhoneMissing, RuleCodes.AddressMissing],
            result.Findings.Select(f => f.Code));
        Assert.Equal(new PersonInput("", "", "", "", "", "", "", ""), result.Normalized);
        Assert.Null(result.Id);
    }

    [Fact]
    public void Every_finding_names_its_field()
    {
        var result = People.Validate(new PersonInput("张3", "12345", "x", "abc", "y", "z", "1", "a\tb"));

        var expected = new Dictionary<string, string>
        {
            [RuleCodes.NameBadChars] = PersonFields.Name,
            [RuleCodes.IdBadFormat] = PersonFields.IdNumber,
            [RuleCodes.SexInvalid] = PersonFields.Sex,
            [RuleCodes.BirthDateInvalid] = PersonFields.BirthDate,
            [RuleCodes.EthnicityInvalid] = PersonFields.Ethnicity,
            [RuleCodes.PhoneInvalid] = PersonFields.Phone,
            [RuleCodes.PostcodeInvalid] = PersonFields.Postcode,
            [RuleCodes.AddressBadChars] = PersonFields.Address,
        };
        Assert.Equal(expected, result.Findings.ToDictionary(f => f.Code, f => f.Field));
        Assert.All(result.Findings, f => Assert.Contains("：", f.Message, StringComparison.Ordinal)); // problem：what to do
    }

    [Fact]
    public void Warnings_and_fixes_do_not_make_errors()
    {
        var regions = Gb2260RegionTable.FromLines(["2020,110101,东城区"]);
        var options = new PersonValidationOptions { AddressMaxLength = 24, Regions = regions, Today = Ids.Today };

        var result = People.Validate(People.Valid with { Name = "吉𠮷", BirthDate = null }, options);

        Assert.Equal(
            [RuleCodes.NameRareChar, RuleCodes.IdUnknownRegion, RuleCodes.BirthDateMissing],
            result.Findings.Select(f => f.Code));
        Assert.False(result.HasErrors);
        Assert.NotNull(result.Id);
    }

    [Fact]
    public void Legacy_number_has_no_Id_but_is_cross_checked_through_its_18_digit_form()
    {
        var result = People.Validate(People.Valid with { IdNumber = "150102880730303", BirthDate = "1988-07-30", Sex = "女" });

        Assert.Null(result.Id);
        Assert.True(result.HasErrors);
        Assert.Equal([RuleCodes.IdLegacy15, RuleCodes.SexMismatchId], result.Findings.Select(f => f.Code));
        Assert.Equal("150102880730303", result.Normalized.IdNumber);
    }

    [Fact]
    public void For_returns_only_that_fields_findings()
    {
        var result = People.Validate(People.Valid with { Phone = "", Postcode = "1" });

        Assert.Equal(RuleCodes.PhoneMissing, Assert.Single(result.For(PersonFields.Phone)).Code);
        Assert.Equal(RuleCodes.PostcodeInvalid, Assert.Single(result.For(PersonFields.Postcode)).Code);
        Assert.Empty(result.For(PersonFields.Name));
    }

    [Fact]
    public void Today_defaults_to_the_date_in_China()
    {
        var born = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1);
        var id = Ids.Make("430111", born.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), "057");

        Assert.True(PersonValidator.Validate(People.Valid with { IdNumber = id, BirthDate = null }, new PersonValidationOptions { AddressMaxLength = 24 }).Id is not null);
        Assert.True(CitizenId.Parse(id).IsValid);
    }
}
