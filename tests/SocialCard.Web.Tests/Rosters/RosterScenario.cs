using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Persons;
using SocialCard.Core.Register;
using SocialCard.Core.Rosters;
using SocialCard.Data;
using SocialCard.Web.Tests.Infrastructure;
using R = SocialCard.Core.Rosters.RosterColumn;

namespace SocialCard.Web.Tests.Rosters;

/// <summary>
/// A unit with a three-person register and a roster of 21 data rows that plants every rule code of
/// the ID, field and row sections of RULES.md at a known row and column, next to correct rows.
/// </summary>
public sealed class RosterScenario
{
    private RosterScenario(TestUnit unit, Dictionary<int, Dictionary<R, RosterValue>> rows, HashSet<(int Row, string Column, string Code)> expected)
    {
        Unit = unit;
        Rows = rows;
        Expected = expected;
    }

    public TestUnit Unit { get; }

    public Dictionary<int, Dictionary<R, RosterValue>> Rows { get; }

    /// <summary>(row, column, code) of every planted finding; nothing else may be reported.</summary>
    public HashSet<(int Row, string Column, string Code)> Expected { get; }

    public static async Task<RosterScenario> CreateAsync(PortalFactory factory)
    {
        var unit = await TestData.CreateUnitWithClerkAsync(factory);
        var otherUnit = await TestData.CreateUnitWithClerkAsync(factory);
        var prefix = unit.Number[^6..];
        var idA = Ids.Make(male: true);
        var idB = Ids.Make(male: false);
        var idC = IdEndingInX(male: false);
        var elsewhere = Ids.Make(male: true, year: 1985);

        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = DateTimeOffset.UtcNow;
            db.Register.AddRange(
                new RegisteredPerson(unit.Id, $"P{prefix}1", "在职", "张伟", idA, now),
                new RegisteredPerson(unit.Id, $"P{prefix}2", "在职", "李娜", idB, now),
                new RegisteredPerson(unit.Id, $"P{prefix}3", "退休", "王芳", idC, now));
            var batch = new Core.Batches.CollectionBatch(otherUnit.Id, "其他单位的批次", "test", now);
            var person = new InsuredPerson(otherUnit.Id, now);
            person.Apply(PersonValidator.Validate(new PersonInput("赵刚", elsewhere, "男", null, "01", "13912345678", "261041", "潍坊市奎文区"), TestData.PersonOptions), now);
            batch.AddPerson(person);
            db.Batches.Add(batch);
            await db.SaveChangesAsync();
        }

        var rows = new Dictionary<int, Dictionary<R, RosterValue>>();
        var expected = new HashSet<(int, string, string)>();
        void Plant(int row, R column, string code) => expected.Add((row, column.ToString(), code));

        // Rows 2–4 are the template's prefilled register persons; the clerk edits them.
        rows[2] = Fill(null, null, "男", idA);
        rows[2][R.Category] = "退休";
        Plant(2, R.Category, "READONLY_CHANGED");

        rows[3] = Fill("李娜娜", Ids.Make(male: false, year: 1991), "女", null);
        Plant(3, R.Name, "NAME_AND_ID_CHANGED");

        rows[4] = Fill(null, idC.ToLowerInvariant(), "女", idC);
        Plant(4, R.IdNumber, "ID_NORMALIZED");

        rows[5] = Fill("陈明", Ids.Make(), "男", null);
        rows[5][R.PersonalNumber] = $"X{prefix}9";
        Plant(5, R.PersonalNumber, "UNKNOWN_PERSONAL_NUMBER");

        rows[6] = Fill("周杰", "", "男", null, birth: "1990-05-17");
        Plant(6, R.IdNumber, "ID_MISSING");

        rows[7] = Fill("吴静", null, "女", null, birth: "1990-01-01");
        rows[7][R.IdNumber] = new RosterValue(null, 430111199001010576d);
        Plant(7, R.IdNumber, "ID_NUMERIC_CELL");

        rows[8] = Fill("郑强", "43011119900101057", "男", null, birth: "1990-01-01");
        Plant(8, R.IdNumber, "ID_BAD_FORMAT");

        rows[9] = Fill("冯丽", Ids.WithWrongCheck(Ids.Make(male: false)), "女", null, birth: "1990-05-17");
        Plant(9, R.IdNumber, "ID_BAD_CHECKSUM");

        rows[10] = Fill("何平", "110101199002300014", "男", null, birth: "1990-02-28");
        Plant(10, R.IdNumber, "ID_BAD_BIRTHDATE");

        rows[11] = Fill("高远", "990426199112010074", "男", null, birth: "1991-12-01");
        Plant(11, R.IdNumber, "ID_BAD_REGION");

        rows[12] = Fill("罗兰", Ids.Make(region: "119999", male: false), "女", null);
        Plant(12, R.IdNumber, "ID_UNKNOWN_REGION");

        rows[13] = Fill("梁山", "150102880730303", "男", null, birth: "1988-07-30");
        Plant(13, R.IdNumber, "ID_LEGACY_15");

        rows[14] = Fill("", Ids.Make(), "", null, phone: "", address: "");
        Plant(14, R.Name, "NAME_MISSING");
        Plant(14, R.Sex, "SEX_MISSING");
        Plant(14, R.Phone, "PHONE_MISSING");
        Plant(14, R.Address, "ADDRESS_MISSING");

        rows[15] = Fill("张3", Ids.Make(), "男的", null, phone: "12345", postcode: "1234", address: "山东省潍坊市奎文区胜利东街道示例社区幸福小区三号楼二单元");
        Plant(15, R.Name, "NAME_BAD_CHARS");
        Plant(15, R.Sex, "SEX_INVALID");
        Plant(15, R.Phone, "PHONE_INVALID");
        Plant(15, R.Postcode, "POSTCODE_INVALID");
        Plant(15, R.Address, "ADDRESS_TOO_LONG");

        rows[16] = Fill("阿依古丽•买买提", Ids.Make(male: false), "男", null, birth: "1990-13-45", ethnicity: "火星族", address: "潍坊市\t奎文区");
        Plant(16, R.Name, "NAME_NORMALIZED");
        Plant(16, R.Sex, "SEX_MISMATCH_ID");
        Plant(16, R.BirthDate, "BIRTHDATE_INVALID");
        Plant(16, R.Ethnicity, "ETHNICITY_INVALID");
        Plant(16, R.Address, "ADDRESS_BAD_CHARS");

        rows[17] = Fill("𠀀明", Ids.Make(), "男", null, birth: "", ethnicity: "");
        Plant(17, R.Name, "NAME_RARE_CHAR");
        Plant(17, R.BirthDate, "BIRTHDATE_MISSING");
        Plant(17, R.Ethnicity, "ETHNICITY_MISSING");

        rows[18] = Fill("孙丽", elsewhere, "男", null, birth: "1985-06-06");
        Plant(18, R.BirthDate, "BIRTHDATE_MISMATCH_ID");
        Plant(18, R.IdNumber, "DUPLICATE_ID_ELSEWHERE");

        var twice = Ids.Make(male: false, year: 1979);
        rows[19] = Fill("钱芳", twice, "女", null);
        rows[20] = Fill("钱芬", twice, "女", null);
        Plant(19, R.IdNumber, "DUPLICATE_ID_IN_FILE");
        Plant(20, R.IdNumber, "DUPLICATE_ID_IN_FILE");

        rows[21] = Fill("刘洋", Ids.Make(male: true, year: 1992), "男", null);
        rows[22] = Fill("刘洋", Ids.Make(male: true, year: 1993), "男", null);
        Plant(21, R.Name, "SAME_NAME");
        Plant(22, R.Name, "SAME_NAME");

        return new RosterScenario(unit, rows, expected);
    }

    /// <summary>The editable columns of a row; null keeps what the template holds (prefilled rows).</summary>
    private static Dictionary<R, RosterValue> Fill(
        string? name, string? id, string sex, string? registeredId, string? birth = null, string ethnicity = "01 汉族",
        string phone = "13912345678", string postcode = "261041", string address = "山东省潍坊市奎文区示例路8号")
    {
        var row = new Dictionary<R, RosterValue>
        {
            [R.Sex] = sex,
            [R.Ethnicity] = ethnicity,
            [R.Phone] = phone,
            [R.Postcode] = postcode,
            [R.Address] = address,
        };
        if (name is not null)
        {
            row[R.Name] = name;
        }

        if (id is not null)
        {
            row[R.IdNumber] = id;
        }

        // Unless a test plants a birth-date problem, the date agrees with the ID number, as a careful clerk writes it.
        birth ??= CitizenId.Parse(id ?? registeredId).Id?.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (birth is not null)
        {
            row[R.BirthDate] = birth;
        }

        return row;
    }

    private static string IdEndingInX(bool male)
    {
        for (var day = 1; day < 28; day++)
        {
            for (var i = 0; i < 20; i++)
            {
                var id = Ids.Make(year: 1960, month: 3, day: day, male: male);
                if (id.EndsWith('X'))
                {
                    return id;
                }
            }
        }

        throw new InvalidOperationException("No ID ending in X found.");
    }
}
