using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace EduCloud.Tests.Resources.Market;

/// <summary>
/// The OAI-PMH 2.0 response schema (the envelope, every verb's answer, errors, headers, resumption tokens, with the
/// official types and patterns), transcribed from OAI-PMH.xsd so tests validate without fetching it. Metadata
/// content is checked laxly here; its own tests check the oai_dc and LOM documents.
/// </summary>
internal static class OaiSchema
{
    private const string Xsd = """
        <schema xmlns="http://www.w3.org/2001/XMLSchema" xmlns:oai="http://www.openarchives.org/OAI/2.0/"
                targetNamespace="http://www.openarchives.org/OAI/2.0/" elementFormDefault="qualified" attributeFormDefault="unqualified">
          <element name="OAI-PMH">
            <complexType><sequence>
              <element name="responseDate" type="dateTime"/>
              <element name="request" type="oai:requestType"/>
              <choice>
                <element name="error" type="oai:OAI-PMHerrorType" maxOccurs="unbounded"/>
                <element name="Identify" type="oai:IdentifyType"/>
                <element name="ListMetadataFormats" type="oai:ListMetadataFormatsType"/>
                <element name="ListSets" type="oai:ListSetsType"/>
                <element name="GetRecord" type="oai:GetRecordType"/>
                <element name="ListIdentifiers" type="oai:ListIdentifiersType"/>
                <element name="ListRecords" type="oai:ListRecordsType"/>
              </choice>
            </sequence></complexType>
          </element>
          <complexType name="requestType"><simpleContent><extension base="anyURI">
            <attribute name="verb" type="oai:verbType"/>
            <attribute name="identifier" type="oai:identifierType"/>
            <attribute name="metadataPrefix" type="oai:metadataPrefixType"/>
            <attribute name="from" type="oai:UTCdatetimeType"/>
            <attribute name="until" type="oai:UTCdatetimeType"/>
            <attribute name="set" type="oai:setSpecType"/>
            <attribute name="resumptionToken" type="string"/>
          </extension></simpleContent></complexType>
          <simpleType name="verbType"><restriction base="string">
            <enumeration value="Identify"/><enumeration value="ListMetadataFormats"/><enumeration value="ListSets"/>
            <enumeration value="GetRecord"/><enumeration value="ListIdentifiers"/><enumeration value="ListRecords"/>
          </restriction></simpleType>
          <complexType name="OAI-PMHerrorType"><simpleContent><extension base="string">
            <attribute name="code" type="oai:OAI-PMHerrorcodeType" use="required"/>
          </extension></simpleContent></complexType>
          <simpleType name="OAI-PMHerrorcodeType"><restriction base="string">
            <enumeration value="cannotDisseminateFormat"/><enumeration value="idDoesNotExist"/><enumeration value="badArgument"/>
            <enumeration value="badVerb"/><enumeration value="noMetadataFormats"/><enumeration value="noRecordsMatch"/>
            <enumeration value="badResumptionToken"/><enumeration value="noSetHierarchy"/>
          </restriction></simpleType>
          <complexType name="IdentifyType"><sequence>
            <element name="repositoryName" type="string"/>
            <element name="baseURL" type="anyURI"/>
            <element name="protocolVersion" type="oai:protocolVersionType"/>
            <element name="adminEmail" type="oai:emailType" maxOccurs="unbounded"/>
            <element name="earliestDatestamp" type="oai:UTCdatetimeType"/>
            <element name="deletedRecord" type="oai:deletedRecordType"/>
            <element name="granularity" type="oai:granularityType"/>
            <element name="compression" type="string" minOccurs="0" maxOccurs="unbounded"/>
            <element name="description" type="oai:descriptionType" minOccurs="0" maxOccurs="unbounded"/>
          </sequence></complexType>
          <complexType name="ListMetadataFormatsType"><sequence>
            <element name="metadataFormat" type="oai:metadataFormatType" maxOccurs="unbounded"/>
          </sequence></complexType>
          <complexType name="ListSetsType"><sequence>
            <element name="set" type="oai:setType" maxOccurs="unbounded"/>
            <element name="resumptionToken" type="oai:resumptionTokenType" minOccurs="0"/>
          </sequence></complexType>
          <complexType name="GetRecordType"><sequence><element name="record" type="oai:recordType"/></sequence></complexType>
          <complexType name="ListRecordsType"><sequence>
            <element name="record" type="oai:recordType" maxOccurs="unbounded"/>
            <element name="resumptionToken" type="oai:resumptionTokenType" minOccurs="0"/>
          </sequence></complexType>
          <complexType name="ListIdentifiersType"><sequence>
            <element name="header" type="oai:headerType" maxOccurs="unbounded"/>
            <element name="resumptionToken" type="oai:resumptionTokenType" minOccurs="0"/>
          </sequence></complexType>
          <complexType name="recordType"><sequence>
            <element name="header" type="oai:headerType"/>
            <element name="metadata" type="oai:metadataType" minOccurs="0"/>
            <element name="about" type="oai:aboutType" minOccurs="0" maxOccurs="unbounded"/>
          </sequence></complexType>
          <complexType name="headerType"><sequence>
            <element name="identifier" type="oai:identifierType"/>
            <element name="datestamp" type="oai:UTCdatetimeType"/>
            <element name="setSpec" type="oai:setSpecType" minOccurs="0" maxOccurs="unbounded"/>
          </sequence><attribute name="status" type="oai:statusType"/></complexType>
          <complexType name="metadataType"><sequence><any namespace="##other" processContents="lax"/></sequence></complexType>
          <complexType name="aboutType"><sequence><any namespace="##other" processContents="lax"/></sequence></complexType>
          <complexType name="resumptionTokenType"><simpleContent><extension base="string">
            <attribute name="expirationDate" type="dateTime"/>
            <attribute name="completeListSize" type="positiveInteger"/>
            <attribute name="cursor" type="nonNegativeInteger"/>
          </extension></simpleContent></complexType>
          <complexType name="descriptionType"><sequence><any namespace="##other" processContents="lax"/></sequence></complexType>
          <complexType name="metadataFormatType"><sequence>
            <element name="metadataPrefix" type="oai:metadataPrefixType"/>
            <element name="schema" type="anyURI"/>
            <element name="metadataNamespace" type="anyURI"/>
          </sequence></complexType>
          <complexType name="setType"><sequence>
            <element name="setSpec" type="oai:setSpecType"/>
            <element name="setName" type="string"/>
            <element name="setDescription" type="oai:descriptionType" minOccurs="0" maxOccurs="unbounded"/>
          </sequence></complexType>
          <simpleType name="identifierType"><restriction base="anyURI"/></simpleType>
          <simpleType name="statusType"><restriction base="string"><enumeration value="deleted"/></restriction></simpleType>
          <simpleType name="UTCdatetimeType"><union memberTypes="date dateTime"/></simpleType>
          <simpleType name="UTCdatetimePattern"><restriction base="dateTime"><pattern value=".*Z"/></restriction></simpleType>
          <simpleType name="emailType"><restriction base="string"><pattern value="\S+@(\S+\.)+\S+"/></restriction></simpleType>
          <simpleType name="protocolVersionType"><restriction base="string"><enumeration value="2.0"/></restriction></simpleType>
          <simpleType name="deletedRecordType"><restriction base="string">
            <enumeration value="no"/><enumeration value="persistent"/><enumeration value="transient"/>
          </restriction></simpleType>
          <simpleType name="granularityType"><restriction base="string">
            <enumeration value="YYYY-MM-DD"/><enumeration value="YYYY-MM-DDThh:mm:ssZ"/>
          </restriction></simpleType>
          <simpleType name="metadataPrefixType"><restriction base="string"><pattern value="[A-Za-z0-9\-_\.!~\*'\(\)]+"/></restriction></simpleType>
          <simpleType name="setSpecType"><restriction base="string"><pattern value="([A-Za-z0-9\-_\.!~\*'\(\)])+(:[A-Za-z0-9\-_\.!~\*'\(\)]+)*"/></restriction></simpleType>
        </schema>
        """;

    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(new StringReader(Xsd));
        set.Add(null, reader);
        set.Compile();
        return set;
    });

    /// <summary>Throws with every schema error of the response.</summary>
    public static void Validate(XElement root)
    {
        var errors = new List<string>();
        new XDocument(root).Validate(Schemas.Value, (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error)
            {
                errors.Add(e.Message);
            }
        });
        errors.ShouldBeEmpty(root.ToString()[..Math.Min(2000, root.ToString().Length)]);
    }
}
