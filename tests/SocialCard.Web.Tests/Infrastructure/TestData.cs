using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Units;
using SocialCard.Data;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>Builds each test's own units, halls and accounts, so no test depends on another's data.</summary>
public static class TestData
{
    /// <summary>Validation as the default deployment does it (Weifang: addresses up to 24 characters).</summary>
    public static Core.Persons.PersonValidationOptions PersonOptions { get; } = new() { AddressMaxLength = 24 };

    public const string Password = "Test@12345";

    private static int _counter = Random.Shared.Next(1000, 9000) * 10000;

    public static string NextNumber(string prefix = "37") => prefix + Interlocked.Increment(ref _counter).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A unit (an employer unless <paramref name="type"/> says otherwise) and its clerk. The unit's profile (单位信息) is
    /// complete, so its batches can be declared; <paramref name="completeProfile"/> false leaves it empty.
    /// </summary>
    public static async Task<TestUnit> CreateUnitWithClerkAsync(PortalFactory factory, string? name = null, int? hallId = null, UnitType type = UnitType.Employer, bool completeProfile = true)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var unit = new Unit(NextNumber(), name ?? "测试单位" + Guid.NewGuid().ToString("N")[..6], type) { HallId = hallId };
        if (completeProfile)
        {
            unit.ContactPerson = "测试联系人";
            unit.Phone = "0536-8234567";
            unit.Email = "hr@example.com";
            unit.Address = "山东省潍坊市奎文区示例路8号";
        }

        db.Units.Add(unit);
        await db.SaveChangesAsync();
        await CreateUserAsync(users, unit.Number, "测试经办人", Roles.UnitClerk, unitId: unit.Id);
        return new TestUnit(unit.Id, unit.Number, unit.Name);
    }

    public static async Task<TestHall> CreateHallWithStaffAsync(PortalFactory factory)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var hall = new Hall("H" + NextNumber("")[..8], "测试大厅");
        db.Halls.Add(hall);
        await db.SaveChangesAsync();
        var userName = "staff" + hall.Id + Guid.NewGuid().ToString("N")[..4];
        await CreateUserAsync(users, userName, "测试窗口", Roles.HallStaff, hallId: hall.Id);
        return new TestHall(hall.Id, userName);
    }

    public static async Task<string> CreateAdminAsync(PortalFactory factory)
    {
        await using var scope = factory.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var userName = "admin" + Guid.NewGuid().ToString("N")[..8];
        await CreateUserAsync(users, userName, "测试管理员", Roles.Admin);
        return userName;
    }

    private static async Task CreateUserAsync(UserManager<AppUser> users, string userName, string displayName, string role, int? unitId = null, int? hallId = null)
    {
        var user = new AppUser { UserName = userName, DisplayName = displayName, UnitId = unitId, HallId = hallId, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var added = await users.AddToRoleAsync(user, role);
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Description)));
    }
}

public sealed record TestUnit(int Id, string Number, string Name);

public sealed record TestHall(int Id, string UserName);
