using System.Xml.Linq;

namespace EduCloud.Assessment.Features.Qti;

/// <summary>IMS QTI 2.1 and IMS Content Packaging names used by the writer and the reader.</summary>
internal static class Qti
{
    public static readonly XNamespace Ns = "http://www.imsglobal.org/xsd/imsqti_v2p1";
    public static readonly XNamespace Cp = "http://www.imsglobal.org/xsd/imscp_v1p1";
    public static readonly XNamespace Lom = "http://ltsc.ieee.org/xsd/LOM";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    /// <summary>Our own metadata in the manifest (stage, subject, difficulty): an extension the content-packaging schema allows.</summary>
    public static readonly XNamespace Ec = "https://www.educloud.cn/xsd/assessment/v1";

    public const string ItemSchemaLocation = "http://www.imsglobal.org/xsd/imsqti_v2p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd";
    public const string ManifestSchemaLocation = "http://www.imsglobal.org/xsd/imscp_v1p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/qtiv2p1_imscpv1p2_v1p0.xsd";
    public const string MatchCorrect = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct";
    public const string MapResponse = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response";
    public const string ItemResourceType = "imsqti_item_xmlv2p1";
    /// <summary>Marks a two-choice interaction as our 判断题 (bodyElement's class attribute).</summary>
    public const string TrueFalseClass = "educloud-true-false";

    public static readonly string[] Supported = ["choiceInteraction", "textEntryInteraction", "extendedTextInteraction"];
}
