using System.Collections.Frozen;
using SocialCard.Core.Persons;

namespace SocialCard.Core.Registry;

/// <summary>
/// A synthetic population computed, not stored. The space of possible persons is every valid ID number over
/// <see cref="Regions"/> × birth dates 1950-01-01…2019-12-31 × sequence 000–999 (about 409 million). A seeded
/// affine permutation of that space (slot = offset + index × stride, mod the space size; stride coprime with it)
/// orders it; the population of size N is the first N indices. Both directions are O(1) arithmetic, so a lookup
/// parses the ID, inverts the permutation and checks index &lt; N; every other value is derived from a hash of the slot.
/// </summary>
internal sealed class SyntheticPopulation
{
    // Weifang (the reference flow) plus a few other cities; all real GB/T 2260 codes.
    private static readonly string[] Regions =
    [
        "370702", "370703", "370704", "370705", "370724", "370725", "370781", "370782",
        "370783", "370784", "370785", "370786", "370102", "370202", "110101", "430111",
    ];

    private static readonly FrozenDictionary<int, int> RegionIndex =
        Regions.Select((code, i) => (Code: int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), i))
            .ToFrozenDictionary(x => x.Code, x => x.i);

    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡";
    private const string GivenNameCharacters = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国文辉鹏宇浩婷雪琳晨欣悦";
    private static readonly string[] MinorityCodes = ["02", "03", "05", "08", "10", "15"];

    private static readonly DateOnly FirstBirthDate = new(1950, 1, 1);
    private static readonly int Days = new DateOnly(2019, 12, 31).DayNumber - FirstBirthDate.DayNumber + 1;

    /// <summary>Number of possible synthetic ID numbers.</summary>
    public static readonly long Space = (long)Regions.Length * Days * 1000;

    private readonly ulong _seedMix;
    private readonly ulong _offset;
    private readonly ulong _stride;
    private readonly ulong _strideInverse;

    public SyntheticPopulation(int seed)
    {
        var state = (ulong)(uint)seed ^ 0x5C0C_A2D0_0000_0000UL;
        _seedMix = SplitMix(ref state);
        _offset = SplitMix(ref state) % (ulong)Space;
        var space = (ulong)Space;
        ulong stride;
        do
        {
            stride = space / 3 + SplitMix(ref state) % (space / 3);
        }
        while (Gcd(stride, space) != 1);

        _stride = stride;
        _strideInverse = ModInverse((long)stride, Space);
    }

    /// <summary>The ID number at a position of the permutation (0 ≤ index &lt; <see cref="Space"/>).</summary>
    public string IdAt(long index)
    {
        var slot = (long)((_offset + (ulong)index % (ulong)Space * _stride) % (ulong)Space);
        return IdOfSlot(slot);
    }

    /// <summary>The position of an ID number in the permutation, or -1 when it is not a synthetic ID (any region, date or check character outside it).</summary>
    public long IndexOf(string id, out long slot)
    {
        slot = SlotOf(id);
        if (slot < 0)
        {
            return -1;
        }

        var space = (ulong)Space;
        var shifted = ((ulong)slot + space - _offset) % space;
        return (long)(shifted * _strideInverse % space);
    }

    /// <summary>The person as the unit submits it (and as the registry holds it when no difference is planted).</summary>
    public RegistryPerson PersonAt(long slot, string id)
    {
        var h = Hash(slot);
        var surname = Surnames[(int)(h % (ulong)Surnames.Length)];
        var given1 = GivenNameCharacters[(int)((h >> 16) % (ulong)GivenNameCharacters.Length)];
        var given2 = GivenNameCharacters[(int)((h >> 24) % (ulong)GivenNameCharacters.Length)];
        var name = (h >> 8) % 10 < 7 ? string.Concat(surname.ToString(), given1.ToString(), given2.ToString()) : string.Concat(surname.ToString(), given1.ToString());
        var ethnicity = (h >> 32) % 1000 < 920 ? "01" : MinorityCodes[(int)((h >> 42) % (ulong)MinorityCodes.Length)];
        var (date, sex) = DateAndSex(slot);
        return new RegistryPerson(id, name, sex, ethnicity, date);
    }

    /// <summary>The difference planted for a slot: a share <paramref name="share"/> of slots, split evenly over the four kinds.</summary>
    public RegistryDifference DifferenceAt(long slot, double share)
    {
        var h = SplitMix64(Hash(slot) ^ 0xD1FF_EEEE_0000_0001UL);
        var u = (h >> 11) * (1.0 / (1UL << 53));
        return u < share ? (RegistryDifference)(1 + (int)(h & 3)) : RegistryDifference.None;
    }

    /// <summary>Applies a planted difference to a person, deterministically from the slot; the result always differs in that item.</summary>
    public static RegistryPerson Apply(RegistryPerson person, RegistryDifference difference, long slot)
    {
        var h = SplitMix64((ulong)slot ^ 0xA11E_2ED0_0000_0002UL);
        switch (difference)
        {
            case RegistryDifference.Name:
                var last = person.Name[^1];
                var at = GivenNameCharacters.IndexOf(last, StringComparison.Ordinal);
                var n = GivenNameCharacters.Length;
                var replacement = GivenNameCharacters[(int)((Math.Max(at, 0) + 1 + (long)(h % (ulong)(n - 1))) % n)];
                if (replacement == last)
                {
                    replacement = GivenNameCharacters[(at + 1) % n];
                }

                return person with { Name = string.Concat(person.Name.AsSpan(0, person.Name.Length - 1), replacement.ToString()) };
            case RegistryDifference.Ethnicity:
                var code = person.EthnicityCode == "01" ? MinorityCodes[(int)(h % (ulong)MinorityCodes.Length)] : "01";
                return person with { EthnicityCode = code };
            case RegistryDifference.BirthDate:
                var days = 1 + (int)(h % 28);
                return person with { BirthDate = person.BirthDate.AddDays((h & 0x100) == 0 ? days : -days) };
            case RegistryDifference.NoPhoto:
                return person with { HasPhoto = false };
            default:
                return person;
        }
    }

    /// <summary>A stable slot-like key for an included person (its ID number's hash), for planting differences.</summary>
    public static long KeyOf(string id)
    {
        ulong h = 14695981039346656037UL;
        foreach (var c in id)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return (long)(h >> 1);
    }

    private ulong Hash(long slot) => SplitMix64((ulong)slot ^ _seedMix);

    private static (DateOnly Date, Sex Sex) DateAndSex(long slot)
    {
        var sequence = (int)(slot % 1000);
        var day = (int)(slot / 1000 % Days);
        return (DateOnly.FromDayNumber(FirstBirthDate.DayNumber + day), sequence % 2 == 1 ? Sex.Male : Sex.Female);
    }

    private static string IdOfSlot(long slot)
    {
        var sequence = (int)(slot % 1000);
        var day = (int)(slot / 1000 % Days);
        var region = (int)(slot / 1000 / Days);
        var date = DateOnly.FromDayNumber(FirstBirthDate.DayNumber + day);
        return string.Create(18, (Regions[region], date, sequence), static (span, s) =>
        {
            s.Item1.AsSpan().CopyTo(span);
            Write(span.Slice(6, 4), s.date.Year);
            Write(span.Slice(10, 2), s.date.Month);
            Write(span.Slice(12, 2), s.date.Day);
            Write(span.Slice(14, 3), s.sequence);
            span[17] = CitizenId.CheckCharacter(span);
        });
    }

    private static void Write(Span<char> span, int value)
    {
        for (var i = span.Length - 1; i >= 0; i--)
        {
            span[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }

    private static long SlotOf(string id)
    {
        if (id is null || id.Length != 18)
        {
            return -1;
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                return -1;
            }
        }

        if (char.ToUpperInvariant(id[17]) != CitizenId.CheckCharacter(id))
        {
            return -1;
        }

        if (!RegionIndex.TryGetValue(Number(id, 0, 6), out var region))
        {
            return -1;
        }

        int year = Number(id, 6, 4), month = Number(id, 10, 2), dayOfMonth = Number(id, 12, 2);
        if (year is < 1 or > 9999 || month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month))
        {
            return -1;
        }

        var day = new DateOnly(year, month, dayOfMonth).DayNumber - FirstBirthDate.DayNumber;
        if (day < 0 || day >= Days)
        {
            return -1;
        }

        return ((long)region * Days + day) * 1000 + Number(id, 14, 3);
    }

    private static int Number(string text, int start, int length)
    {
        var value = 0;
        for (var i = start; i < start + length; i++)
        {
            value = value * 10 + (text[i] - '0');
        }

        return value;
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E37_79B9_7F4A_7C15UL;
        return SplitMix64(state);
    }

    internal static ulong SplitMix64(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }

    private static ulong Gcd(ulong a, ulong b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private static ulong ModInverse(long a, long m)
    {
        long t = 0, newT = 1, r = m, newR = a;
        while (newR != 0)
        {
            var q = r / newR;
            (t, newT) = (newT, t - q * newT);
            (r, newR) = (newR, r - q * newR);
        }

        return (ulong)(t < 0 ? t + m : t);
    }
}
