using System.Globalization;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Localization;

namespace EduCloud.Tests.Kernel;

public sealed class TextsTests
{
    [Fact]
    public void A_patterned_message_is_translated_with_its_parts()
    {
        Texts.AddEnglish(new Dictionary<string, string> { ["学校名称"] = "School name" });

        Texts.ToEnglish("学校名称不能为空").ShouldBe("School name is required");
        Texts.ToEnglish("学校名称不能超过100个字符").ShouldBe("School name must be at most 100 characters");
    }

    [Fact]
    public void A_validation_message_from_the_code_rules_reads_in_english_when_the_ui_is_english()
    {
        var message = SchoolCode.Validate("2144000001", "520102")!;
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Texts.T(message).ShouldBe("Digits 3-4 of the school code, \"44\", do not match the province code \"52\" of the school's region");
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Texts.T(message).ShouldBe(message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void A_dictionary_entry_with_placeholders_also_translates_the_formatted_chinese_message()
    {
        Texts.AddEnglish(new Dictionary<string, string> { ["第{0}行：{1}"] = "Row {0}: {1}", ["姓名不能为空"] = "The name is required" });

        Texts.ToEnglish("第12行：姓名不能为空").ShouldBe("Row 12: The name is required");
    }

    [Fact]
    public void An_unknown_message_falls_back_to_the_chinese_text()
    {
        Texts.ToEnglish("这句没有翻译").ShouldBe("这句没有翻译");
    }
}
