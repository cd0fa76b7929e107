using DocumentFormat.OpenXml.Spreadsheet;
using SocialCard.Core.Persons;
using SocialCard.Core.Rosters;

namespace SocialCard.Core.Tests.Rosters;

public sealed class TemplateWriterTests
{
    internal static readonly string[] Categories = ["在职", "退休", "学生"];

    internal static readonly RegisterEntry[] Register =
    [
        new("3701000001", "学生", "王小明", "11010120170210193X"),
        new("3701000002", "在职", "阿依古丽·买买提", "430111199001010576"),
        new("3701000003", null, "李四", "430111199001010581"),
    ];

    private static readonly RosterColumn[] TextColumns =
        [RosterColumn.PersonalNumber, RosterColumn.OriginalIdNumber, RosterColumn.IdNumber, RosterColumn.Phone, RosterColumn.Postcode, RosterColumn.BirthDate];

    internal static byte[] Template(IEnumerable<RegisterEntry>? register = null, IReadOnlyList<string>? categories = null, int addressMaxLength = 24)
    {
        using var output = new MemoryStream();
        RosterTemplateWriter.Write(output, register ?? Register, categories ?? Categories, addressMaxLength);
        return output.ToArray();
    }

    private static string Col(RosterColumn column) => XlsxTestBook.ColumnName(column);

    [Fact]
    public void Sheets_come_in_order_with_the_data_sheet_active_and_the_code_table_hidden()
    {
        using var book = XlsxTestBook.Open(Template());

        Assert.Equal([RosterTemplate.DataSheetName, RosterTemplate.InstructionsSheetName, RosterTemplate.ListsSheetName], book.SheetNames);
        Assert.Equal(SheetStateValues.Hidden, book.Sheets[2].State?.Value);
        Assert.Null(book.Sheets[0].State);
        Assert.Equal(0u, book.WorkbookPart.Workbook.BookViews!.GetFirstChild<WorkbookView>()!.ActiveTab?.Value ?? 0u);
        Assert.True(book.Sheet(RosterTemplate.DataSheetName).Descendants<SheetView>().Single().TabSelected?.Value);
    }

    [Fact]
    public void Version_is_in_A1_of_the_code_table_and_in_a_custom_property()
    {
        using var book = XlsxTestBook.Open(Template());

        Assert.Equal(RosterTemplate.Version, book.Text(RosterTemplate.ListsSheetName, "A1"));
        var property = book.Document.CustomFilePropertiesPart!.Properties.Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>()
            .Single(p => p.Name == "SocialCardTemplate");
        Assert.Equal(RosterTemplate.Version, property.InnerText);
    }

    [Fact]
    public void Header_row_has_the_contract_headers_bold_and_filled()
    {
        using var book = XlsxTestBook.Open(Template());

        foreach (var spec in RosterTemplate.Columns)
        {
            var cell = book.Cell(RosterTemplate.DataSheetName, Col(spec.Column) + "1")!;
            Assert.Equal(spec.Header, book.TextOf(cell));
            var xf = book.Xf(cell.StyleIndex);
            Assert.NotNull(book.WorkbookPart.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)(xf.FontId?.Value ?? 0)).Bold);
            Assert.NotNull(book.FillRgb(xf));
        }
    }

    [Fact]
    public void Register_entries_prefill_the_original_and_the_editable_name_and_id_as_strings()
    {
        using var book = XlsxTestBook.Open(Template());
        const string Sheet = RosterTemplate.DataSheetName;

        for (var i = 0; i < Register.Length; i++)
        {
            var row = (i + 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var e = Register[i];
            Assert.Equal(e.PersonalNumber, book.Text(Sheet, Col(RosterColumn.PersonalNumber) + row));
            Assert.Equal(e.Category, book.Text(Sheet, Col(RosterColumn.Category) + row));
            Assert.Equal(e.Name, book.Text(Sheet, Col(RosterColumn.OriginalName) + row));
            Assert.Equal(e.Name, book.Text(Sheet, Col(RosterColumn.Name) + row));
            Assert.Equal(e.IdNumber, book.Text(Sheet, Col(RosterColumn.OriginalIdNumber) + row));
            Assert.Equal(e.IdNumber, book.Text(Sheet, Col(RosterColumn.IdNumber) + row));
        }

        Assert.Equal("11010120170210193X", book.Text(Sheet, "F2"));
        Assert.Equal("430111199001010576", book.Text(Sheet, "F3"));
        Assert.All(book.Cells(Sheet), c => Assert.Equal(CellValues.InlineString, c.DataType?.Value));
        Assert.Equal(1 + Register.Length, book.Sheet(Sheet).Descendants<Row>().Count());
    }

    [Fact]
    public void Read_only_columns_are_locked_and_grey_the_others_unlocked_and_white()
    {
        using var book = XlsxTestBook.Open(Template());
        var columns = book.Sheet(RosterTemplate.DataSheetName).GetFirstChild<Columns>()!.Elements<Column>().ToList();

        foreach (var spec in RosterTemplate.Columns)
        {
            var colXf = book.Xf(columns.Single(c => c.Min?.Value == (uint)spec.Column + 1).Style);
            var cellXf = book.Xf(book.Cell(RosterTemplate.DataSheetName, Col(spec.Column) + "2")?.StyleIndex ?? columns.Single(c => c.Min?.Value == (uint)spec.Column + 1).Style);
            foreach (var xf in new[] { colXf, cellXf })
            {
                Assert.Equal(spec.ReadOnly, XlsxTestBook.IsLocked(xf));
                Assert.Equal(spec.ReadOnly ? "FFD9D9D9" : null, book.FillRgb(xf));
            }
        }
    }

    [Fact]
    public void Data_sheet_is_protected_without_password_and_still_allows_resizing()
    {
        using var book = XlsxTestBook.Open(Template());
        var protection = book.Sheet(RosterTemplate.DataSheetName).GetFirstChild<SheetProtection>()!;

        Assert.True(protection.Sheet?.Value);
        Assert.Null(protection.Password);
        Assert.Null(protection.HashValue);
        Assert.False(protection.FormatColumns?.Value);
        Assert.False(protection.FormatRows?.Value);
    }

    [Fact]
    public void Id_number_phone_postcode_birthdate_and_personal_number_are_text_formatted()
    {
        using var book = XlsxTestBook.Open(Template());
        var columns = book.Sheet(RosterTemplate.DataSheetName).GetFirstChild<Columns>()!.Elements<Column>().ToList();

        foreach (var column in TextColumns)
        {
            Assert.Equal(49u, book.Xf(columns.Single(c => c.Min?.Value == (uint)column + 1).Style).NumberFormatId?.Value);
        }

        Assert.Equal(49u, book.Xf(book.Cell(RosterTemplate.DataSheetName, "F2")!.StyleIndex).NumberFormatId?.Value);
        Assert.Equal(49u, book.Xf(book.Cell(RosterTemplate.DataSheetName, "D2")!.StyleIndex).NumberFormatId?.Value);
    }

    [Fact]
    public void Every_column_has_an_input_message_within_excel_limits()
    {
        using var book = XlsxTestBook.Open(Template());
        var validations = book.Sheet(RosterTemplate.DataSheetName).Descendants<DataValidation>().ToList();

        foreach (var spec in RosterTemplate.Columns)
        {
            var dv = validations.Single(v => v.SequenceOfReferences!.InnerText == $"{Col(spec.Column)}2:{Col(spec.Column)}1048576");
            Assert.True(dv.ShowInputMessage?.Value);
            Assert.Equal(spec.InputTitle, dv.PromptTitle?.Value);
            Assert.False(string.IsNullOrWhiteSpace(dv.Prompt?.Value));
            Assert.InRange(dv.Prompt!.Value!.Length, 1, 255);
            Assert.InRange(dv.PromptTitle!.Value!.Length, 1, 32);
        }

        Assert.Equal(RosterTemplate.Columns.Count, validations.Count);
    }

    [Theory]
    [InlineData(24)]
    [InlineData(30)]
    public void Address_input_message_names_the_configured_limit(int limit)
    {
        using var book = XlsxTestBook.Open(Template(addressMaxLength: limit));

        var dv = Validation(book, RosterColumn.Address);
        Assert.Contains($"不超过{limit}个字", dv.Prompt!.Value, StringComparison.Ordinal);
        Assert.Equal(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), dv.Formula1!.Text);
        Assert.Contains($"不超过{limit}个字", string.Concat(book.Values(RosterTemplate.InstructionsSheetName).Values), StringComparison.Ordinal);
    }

    [Fact]
    public void Sex_ethnicity_and_category_offer_lists()
    {
        using var book = XlsxTestBook.Open(Template());

        var sex = Validation(book, RosterColumn.Sex);
        Assert.Equal(DataValidationValues.List, sex.Type?.Value);
        Assert.Equal("\"男,女\"", sex.Formula1!.Text);

        var ethnicities = ListValues(book, Validation(book, RosterColumn.Ethnicity));
        Assert.Equal(Ethnicities.All.Select(e => $"{e.Code} {e.Name}"), ethnicities);
        Assert.Equal("01 汉族", ethnicities[0]);

        Assert.Equal(Categories, ListValues(book, Validation(book, RosterColumn.Category)));
    }

    [Fact]
    public void Without_categories_the_category_column_keeps_only_its_input_message()
    {
        using var book = XlsxTestBook.Open(Template(categories: []));

        var dv = Validation(book, RosterColumn.Category);
        Assert.Null(dv.Type);
        Assert.True(dv.ShowInputMessage?.Value);
        Assert.DoesNotContain(book.WorkbookPart.Workbook.DefinedNames!.Elements<DefinedName>(), n => n.Name == "SocialCard_Categories");
    }

    [Fact]
    public void Header_row_is_frozen_and_columns_have_the_contract_widths()
    {
        using var book = XlsxTestBook.Open(Template());
        var sheet = book.Sheet(RosterTemplate.DataSheetName);

        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State?.Value);
        Assert.Equal(1d, pane.VerticalSplit?.Value);
        Assert.Equal("A2", pane.TopLeftCell?.Value);
        var columns = sheet.GetFirstChild<Columns>()!.Elements<Column>().ToList();
        foreach (var spec in RosterTemplate.Columns)
        {
            var column = columns.Single(c => c.Min?.Value == (uint)spec.Column + 1 && c.Max?.Value == (uint)spec.Column + 1);
            Assert.Equal(spec.Width, column.Width?.Value);
            Assert.True(column.CustomWidth?.Value);
        }
    }

    [Fact]
    public void Instructions_explain_the_rules_in_chinese()
    {
        using var book = XlsxTestBook.Open(Template());
        var text = string.Concat(book.Values(RosterTemplate.InstructionsSheetName).Values);

        foreach (var phrase in new[] { "个人编号", "人员类别", "核对前姓名", "核对前身份证号码", "不能在同一次上传中都修改", "大写X", "文本格式", "1990-01-31", "同名", "不要改动表格结构", "上传", RosterTemplate.ErrorsSheetName })
        {
            Assert.Contains(phrase, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Values_xml_cannot_hold_are_escaped_and_rare_characters_survive()
    {
        var register = new[] { new RegisterEntry("3701000009", "在职", "𠀀明·\u0001", "430111199001010576") };
        using var book = XlsxTestBook.Open(Template(register));

        var stored = book.Text(RosterTemplate.DataSheetName, Col(RosterColumn.Name) + "2");
        Assert.Equal("𠀀明·_x0001_", stored);
        Assert.Equal("𠀀明·\u0001", XlsxTestBook.Unescape(stored!));
    }

    [Fact]
    public void Template_is_valid_against_the_open_xml_schema()
    {
        using var book = XlsxTestBook.Open(Template());
        Assert.Empty(book.SchemaErrors());
    }

    [Fact]
    public void Writes_to_a_stream_that_cannot_seek()
    {
        using var buffer = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(buffer))
        {
            RosterTemplateWriter.Write(forwardOnly, Register, Categories, 24);
        }

        using var book = XlsxTestBook.Open(buffer.ToArray());
        Assert.Equal("11010120170210193X", book.Text(RosterTemplate.DataSheetName, "F2"));
    }

    [Fact]
    public void Register_is_enumerated_once()
    {
        var enumerations = 0;
        IEnumerable<RegisterEntry> Once()
        {
            enumerations++;
            foreach (var e in Register)
            {
                yield return e;
            }
        }

        Template(Once());
        Assert.Equal(1, enumerations);
    }

    private static DataValidation Validation(XlsxTestBook book, RosterColumn column) =>
        book.Sheet(RosterTemplate.DataSheetName).Descendants<DataValidation>().Single(v => (v.SequenceOfReferences?.InnerText ?? "").StartsWith(Col(column) + "2:", StringComparison.Ordinal));

    /// <summary>Resolves a list validation's defined name to the values in the hidden 代码表.</summary>
    private static List<string> ListValues(XlsxTestBook book, DataValidation dv)
    {
        var name = book.WorkbookPart.Workbook.DefinedNames!.Elements<DefinedName>().Single(n => n.Name == dv.Formula1!.Text);
        var range = name.Text.Split('!')[1].Replace("$", "", StringComparison.Ordinal).Split(':');
        Assert.StartsWith($"'{RosterTemplate.ListsSheetName}'!", name.Text, StringComparison.Ordinal);
        var (first, column) = XlsxTestBook.Parse(range[0]);
        var (last, _) = XlsxTestBook.Parse(range[1]);
        return Enumerable.Range(first, last - first + 1).Select(r => book.Text(RosterTemplate.ListsSheetName, XlsxTestBook.Ref(r, column))!).ToList();
    }
}
