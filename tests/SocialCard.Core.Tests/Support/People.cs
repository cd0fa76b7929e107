using SocialCard.Core.Persons;

namespace SocialCard.Core.Tests.Support;

/// <summary>A person whose every field is valid; tests change one field with <c>with</c>.</summary>
internal static class People
{
    public static PersonInput Valid => new(
        Name: "张三",
        IdNumber: Ids.Male,
        Sex: "男",
        BirthDate: "1990-01-01",
        Ethnicity: "汉族",
        Phone: "13912345678",
        Postcode: "261041",
        Address: "山东省潍坊市奎文区胜利东街1号");

    public static PersonValidationOptions Options { get; } = new() { AddressMaxLength = 24, Today = Ids.Today };

    public static PersonValidationResult Validate(PersonInput input, PersonValidationOptions? options = null) =>
        PersonValidator.Validate(input, options ?? Options);
}
