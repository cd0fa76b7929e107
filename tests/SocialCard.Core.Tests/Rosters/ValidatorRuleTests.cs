using SocialCard.Core.Persons;
using SocialCard.Core.Rosters;
using SocialCard.Core.Tests.Support;
using SocialCard.Core.Validation;
using static SocialCard.Core.Tests.Rosters.RosterBuilderLine;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>Person findings placed on cells, ID_NUMERIC_CELL, and the row and roster rules.</summary>
public class ValidatorRuleTests
{
    private static readonly RegisterEntry Registered = new("P001", "在职", "张三", Ids.MaleConst);

    private static RosterContext Context(params RegisterEntry[] register) => new()
    {
        Register = register.ToDictionary(e => e.PersonalNumber),
        PersonOptions = People.Options,
    };

    private static RosterValidationResult Validate(RosterContext context, params RosterBuilderLine[] lines) =>
        RosterValidator.Validate(lines.Select((line, i) => line.ToRow(i + 2)).ToList(), context);

    private static RosterValidationResult Validate(params RosterBuilderLine[] lines) => Validate(Context(Registered), lines);

    /// <summary>A row of the registered person as exported, every read-only column filled.</summary>
    private static RosterBuilderLine RegisteredRow => new()
    {
        PersonalNumber = "P001",
        Category = "在职",
        OriginalName = "张三",
        OriginalIdNumber = Ids.MaleConst,
    };

    private static RosterFinding Single(RosterValidationResult result, string code)
    {
        var matching = result.Findings.Where(f => f.Finding.Code == code).ToList();
        Assert.True(matching.Count == 1, $"Expected one {code}, got: {Codes(result)}");
        return matching[0];
    }

    private static string Codes(RosterValidationResult result) =>
        string.Join(", ", result.Findings.Select(f => $"{f.Row}/{f.ColumnHeader}/{f.Finding.Code}")) is { Length: > 0 } s ? s : "(none)";

    [Fact]
    public void A_correct_roster_has_no_findings()
    {
        var result = Validate(RegisteredRow, Person("李四", 2), new RosterBuilderLine { Name = "王五", IdNumber = IdFor(5), ClassOrDepartment = "一班" });

        Assert.Empty(result.Findings);
        Assert.Empty(result.SameNameGroups);
        Assert.Equal([2, 3, 4], result.Rows.Select(r => r.RowNumber));
        Assert.Equal("一班", result.Rows[2].ClassOrDepartment);
        Assert.Equal(new ValidatedRosterRow(2, "P001", "在职", "张三", Ids.MaleConst, null, result.Rows[0].Person) { RowStamp = result.Rows[0].RowStamp }, result.Rows[0]);
        Assert.Matches("^[0-9a-f]{12}$", result.Rows[0].RowStamp);
        Assert.NotEqual(result.Rows[0].RowStamp, result.Rows[1].RowStamp);
    }

    [Fact]
    public void A_person_finding_is_placed_on_its_cell_with_the_clerks_own_text()
    {
        var result = Validate(new RosterBuilderLine { Phone = "0536 8234567", IdNumber = Ids.WithWrongCheck(Ids.MaleConst) });

        var phone = Single(result, RuleCodes.PhoneInvalid);
        Assert.Equal((2, RosterColumn.Phone, "联系电话", "0536 8234567"), (phone.Row, phone.Column, phone.ColumnHeader, phone.Value));
        var id = Single(result, RuleCodes.IdBadChecksum);
        Assert.Equal((RosterColumn.IdNumber, Ids.WithWrongCheck(Ids.MaleConst)), (id.Column, id.Value));
    }

    [Fact]
    public void The_normalised_person_is_kept_for_storage()
    {
        var result = Validate(new RosterBuilderLine { Name = "阿依古丽•买买提", Sex = "1", BirthDate = "1990/1/1", Ethnicity = "汉" });

        Assert.Equal(
            new PersonInput("阿依古丽·买买提", Ids.MaleConst, "男", "1990-01-01", "01", "13912345678", "261041", "山东省潍坊市奎文区胜利东街1号"),
            result.Rows[0].Person.Normalized);
        Assert.Equal(RuleCodes.NameNormalized, Assert.Single(result.Findings).Finding.Code);
    }

    [Fact]
    public void An_id_stored_as_a_number_gets_only_id_numeric_cell()
    {
        // The female sex and a different birth date would both "disagree" with the damaged number: no noise.
        var result = Validate(new RosterBuilderLine { IdNumber = new RosterCell("4.30111E+17", WasNumeric: true), Sex = "女", BirthDate = "1985-05-05" });

        var finding = Assert.Single(result.Findings);
        Assert.Equal((RuleCodes.IdNumericCell, Severity.Error, RosterColumn.IdNumber, "4.30111E+17"), (finding.Finding.Code, finding.Finding.Severity, finding.Column, finding.Value));
        Assert.StartsWith("身份证号码被Excel存成了数字（显示为“4.30111E+17”），后几位已丢失：请把该列设为文本格式后重新输入完整号码", finding.Finding.Message);
        Assert.Equal("4.30111E+17", result.Rows[0].Person.Normalized.IdNumber);
        Assert.Null(result.Rows[0].Person.Id);
    }

    [Fact]
    public void A_whole_15_digit_number_cell_is_also_reported_without_claiming_lost_digits()
    {
        var result = Validate(new RosterBuilderLine { IdNumber = new RosterCell("130503670401001", WasNumeric: true), BirthDate = "" });

        var finding = Assert.Single(result.Findings);
        Assert.Equal(RuleCodes.IdNumericCell, finding.Finding.Code);
        Assert.DoesNotContain("丢失", finding.Finding.Message);
    }

    [Fact]
    public void Id_text_that_excel_mangled_before_a_csv_export_is_reported_by_the_id_rule()
    {
        var result = Validate(new RosterBuilderLine { IdNumber = "4.30111E+17" });

        Assert.Equal(RuleCodes.IdNumericCell, Assert.Single(result.Findings).Finding.Code);
    }

    [Fact]
    public void An_unknown_personal_number_is_reported_on_its_cell()
    {
        var finding = Single(Validate(RegisteredRow with { PersonalNumber = "P999" }), RuleCodes.UnknownPersonalNumber);

        Assert.Equal((2, RosterColumn.PersonalNumber, "P999", Severity.Error), (finding.Row, finding.Column, finding.Value, finding.Finding.Severity));
        Assert.Contains("不属于本单位", finding.Finding.Message);
    }

    [Fact]
    public void An_empty_register_makes_every_personal_number_unknown()
    {
        Single(Validate(Context(), RegisteredRow), RuleCodes.UnknownPersonalNumber);
    }

    [Fact]
    public void A_new_person_without_personal_number_is_not_compared()
    {
        Assert.Empty(Validate(Context(), Person("李四", 2)).Findings);
    }

    public static TheoryData<RosterColumn, string, string> ReadOnlyChanges => new()
    {
        { RosterColumn.Category, "退休", "在职" },
        { RosterColumn.OriginalName, "张叁", "张三" },
        { RosterColumn.OriginalIdNumber, Ids.FemaleConst, Ids.MaleConst },
    };

    [Theory]
    [MemberData(nameof(ReadOnlyChanges))]
    public void A_changed_read_only_column_is_reported_on_that_cell_naming_the_original(RosterColumn column, string changed, string original)
    {
        var line = column switch
        {
            RosterColumn.Category => RegisteredRow with { Category = changed },
            RosterColumn.OriginalName => RegisteredRow with { OriginalName = changed },
            _ => RegisteredRow with { OriginalIdNumber = changed },
        };

        var finding = Single(Validate(line), RuleCodes.ReadOnlyChanged);

        Assert.Equal((2, column, changed, original), (finding.Row, finding.Column, finding.Value, finding.Finding.SuggestedValue));
        Assert.Contains($"“{RosterTemplate.Spec(column).Header}”不能修改", finding.Finding.Message);
        Assert.Contains($"请改回“{original}”", finding.Finding.Message);
        Assert.Single(Validate(line).Findings);
    }

    [Fact]
    public void Read_only_columns_compare_after_trimming_and_id_repairs()
    {
        var line = RegisteredRow with { OriginalIdNumber = " 430111 19900101 0573 " };

        Assert.Empty(Validate(line).Findings);
    }

    [Fact]
    public void Blank_read_only_cells_are_not_changes()
    {
        // The optional columns may be absent altogether; the register keeps its values.
        Assert.Empty(Validate(new RosterBuilderLine { PersonalNumber = "P001" }).Findings);
    }

    [Fact]
    public void A_category_the_register_lacks_asks_to_clear_the_cell()
    {
        var finding = Single(Validate(Context(Registered with { Category = null }), RegisteredRow), RuleCodes.ReadOnlyChanged);

        Assert.Contains("请清空该单元格", finding.Finding.Message);
        Assert.Equal(RosterColumn.Category, finding.Column);
    }

    [Fact]
    public void Name_and_id_both_changed_is_reported_on_the_name()
    {
        var finding = Single(Validate(RegisteredRow with { Name = "张叁", IdNumber = IdFor(5) }), RuleCodes.NameAndIdChanged);

        Assert.Equal((2, RosterColumn.Name, "张叁", "张三"), (finding.Row, finding.Column, finding.Value, finding.Finding.SuggestedValue));
        Assert.Contains("本次只改身份证号码", finding.Finding.Message);
        Assert.Contains("服务大厅", finding.Finding.Message);
    }

    [Fact]
    public void Changing_only_the_id_or_only_the_name_is_allowed()
    {
        Assert.Empty(Validate(RegisteredRow with { IdNumber = IdFor(5) }).Findings);
        Assert.Empty(Validate(RegisteredRow with { Name = "张叁" }).Findings);
    }

    [Fact]
    public void Writing_a_registered_15_digit_number_in_18_digits_is_not_a_change()
    {
        var legacy = new RegisterEntry("P015", null, "张三", "430111900101057");
        var eighteen = CitizenId.Parse("430111900101057").Converted18!;

        var result = Validate(Context(legacy), new RosterBuilderLine { PersonalNumber = "P015", Name = "张叁", IdNumber = eighteen, OriginalIdNumber = "430111900101057" });

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void A_name_change_with_an_id_stored_as_a_number_is_not_called_an_id_change()
    {
        var result = Validate(RegisteredRow with { Name = "张叁", IdNumber = new RosterCell("4.30111E+17", WasNumeric: true) });

        Assert.Equal([RuleCodes.IdNumericCell], result.Findings.Select(f => f.Finding.Code));
    }

    [Fact]
    public void A_duplicate_id_is_reported_on_every_row_naming_the_others()
    {
        var result = Validate(Person("赵一", 1), Person("钱二", 2), Person("孙三", 1), Person("李四", 1));

        var duplicates = result.Findings.Where(f => f.Finding.Code == RuleCodes.DuplicateIdInFile).ToList();
        Assert.Equal([2, 4, 5], duplicates.Select(f => f.Row));
        Assert.All(duplicates, f => Assert.Equal((RosterColumn.IdNumber, IdFor(1)), (f.Column, f.Value)));
        Assert.Contains("与第4、5行重复", duplicates[0].Finding.Message);
        Assert.Contains("与第2、5行重复", duplicates[1].Finding.Message);
        Assert.Equal(duplicates.Count, result.Findings.Count);
    }

    [Fact]
    public void Ids_are_compared_after_normalising()
    {
        var lower = IdFor(1).Replace('X', 'x');
        var result = Validate(Person("赵一", 1), new RosterBuilderLine { Name = "钱二", IdNumber = " " + lower[..6] + " " + lower[6..] });

        Assert.Equal(2, result.Findings.Count(f => f.Finding.Code == RuleCodes.DuplicateIdInFile));
    }

    [Fact]
    public void Invalid_ids_are_not_duplicates()
    {
        var wrong = Ids.WithWrongCheck(IdFor(1));
        var result = Validate(new RosterBuilderLine { Name = "赵一", IdNumber = wrong }, new RosterBuilderLine { Name = "钱二", IdNumber = wrong });

        Assert.DoesNotContain(result.Findings, f => f.Finding.Code == RuleCodes.DuplicateIdInFile);
    }

    [Fact]
    public void A_big_duplicate_group_names_a_few_rows_and_the_count()
    {
        var lines = Enumerable.Range(0, 12).Select(i => Person("赵" + "一二三四五六七八九十甲乙"[i], 1)).ToArray();

        var first = Validate(lines).Findings.First(f => f.Finding.Code == RuleCodes.DuplicateIdInFile);

        Assert.Contains("与第3、4、5、6、7行等11行重复", first.Finding.Message);
    }

    [Fact]
    public void Namesakes_with_different_ids_are_warned_together()
    {
        var result = Validate(Person("王芳", 2), Person("李四", 3), Person(" 王芳", 4), Person("王芳", 6));

        var sameName = result.Findings.Where(f => f.Finding.Code == RuleCodes.SameName).ToList();
        Assert.Equal([2, 4, 5], sameName.Select(f => f.Row));
        Assert.All(sameName, f => Assert.Equal((RosterColumn.Name, Severity.Warning), (f.Column, f.Finding.Severity)));
        Assert.Contains("与第4、5行同名", sameName[0].Finding.Message);
        Assert.Equal(" 王芳", sameName[1].Value); // grouped by the normalised name, reported with the text as given
        Assert.Equal([[2, 4, 5]], result.SameNameGroups);
    }

    [Fact]
    public void The_same_person_twice_is_a_duplicate_not_a_namesake()
    {
        var result = Validate(Person("王芳", 2), Person("王芳", 2));

        Assert.Empty(result.SameNameGroups);
        Assert.All(result.Findings, f => Assert.Equal(RuleCodes.DuplicateIdInFile, f.Finding.Code));
    }

    [Fact]
    public void A_namesake_without_an_id_is_still_checked_together()
    {
        var result = Validate(Person("王芳", 2), new RosterBuilderLine { Name = "王芳", IdNumber = null, Sex = "女", BirthDate = "1991-01-01" });

        Assert.Equal([[2, 3]], result.SameNameGroups);
    }

    [Fact]
    public void Findings_are_ordered_by_row_then_column()
    {
        var result = Validate(
            new RosterBuilderLine { Address = "", Name = "" },
            new RosterBuilderLine { Phone = "12", PersonalNumber = "P404", IdNumber = IdFor(7) });

        Assert.Equal(
            [(2, RosterColumn.Name), (2, RosterColumn.Address), (3, RosterColumn.PersonalNumber), (3, RosterColumn.Phone)],
            result.Findings.Select(f => (f.Row, f.Column!.Value)));
    }

    [Fact]
    public void Validated_ids_feed_the_elsewhere_lookup()
    {
        var result = Validate(Person("赵一", 1), Person("钱二", 2));

        var withElsewhere = result.WithDuplicatesElsewhere(new HashSet<string> { IdFor(2) });

        var finding = Assert.Single(withElsewhere.Findings);
        Assert.Equal((3, RuleCodes.DuplicateIdElsewhere), (finding.Row, finding.Finding.Code));
    }
}
