using EduCloud.Resources.Search;
using static EduCloud.Bench.Search.ResourceVocabulary;

namespace EduCloud.Bench.Search;

/// <summary>
/// Deterministic (fixed seed) published resources as the resource features would hand them to search: titles in
/// the shapes teachers give them, descriptions, tags, and the catalogue path stage → subject → edition → volume →
/// chapter with node ids for the volume and the chapter.
/// </summary>
internal static class GenerateResources
{
    public const int Seed = 20261123;
    public static readonly string[] Filter = ["type: courseware|micro-lecture", "licence: free"];

    public static Dictionary<string, IReadOnlyList<string>> FilterQuery() => new()
    {
        ["type"] = ["courseware", "micro-lecture"],
        ["licence"] = ["free"],
    };

    public static List<SearchDocument> Create(int count)
    {
        var random = new Random(Seed);
        var schools = Enumerable.Range(0, 2000).Select(i => new Guid(i, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)).ToArray();
        var start = new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var docs = new List<SearchDocument>(count);
        var idBytes = new byte[16];
        for (var i = 0; i < count; i++)
        {
            var subjectIndex = random.Next(Subjects.Length);
            var subject = Subjects[subjectIndex];
            var stage = Stages.First(s => s.Code == subject.Stage);
            var gradeIndex = random.Next(stage.Grades.Length);
            var grade = stage.Grades[gradeIndex];
            var (editionCode, edition) = Editions[random.Next(Editions.Length)];
            var volumeIndex = random.Next(Volumes.Length);
            var volume = Volumes[volumeIndex];
            var chapterIndex = random.Next(subject.Chapters.Length);
            var chapter = subject.Chapters[chapterIndex];
            var (typeCode, typeNames, formats) = Types[random.Next(Types.Length)];
            var typeName = typeNames[random.Next(typeNames.Length)];
            var title = random.Next(5) switch
            {
                0 => $"{edition}{grade}{subject.Name}{volume}《{chapter}》{typeName}",
                1 => $"《{chapter}》{typeName}（第{random.Next(1, 4)}课时）",
                2 => $"{chapter} {typeName}",
                3 => $"{grade}{subject.Name}《{chapter}》{typeName}",
                _ => $"{chapter}{typeName}_{edition}{grade}{volume}",
            };
            var description = $"{Openings[random.Next(Openings.Length)]}适用于{edition}{grade}{subject.Name}{volume}《{chapter}》，"
                + $"{Purposes[random.Next(Purposes.Length)]}{chapter}的{Goals[random.Next(Goals.Length)]}，{Extras[random.Next(Extras.Length)]}";
            var tags = random.Next(2) == 0
                ? new[] { subject.Name, typeName, TagWords[random.Next(TagWords.Length)] }
                : [subject.Name, chapter, TagWords[random.Next(TagWords.Length)], TagWords[random.Next(TagWords.Length)]];
            var kindRoll = random.Next(100);
            var kind = kindRoll < 85 ? "basic" : kindRoll < 97 ? "personalised" : "school";
            var licence = kind == "personalised" ? "paid" : Licences[random.Next(3)];
            random.NextBytes(idBytes);
            var volumeNode = new Guid(subjectIndex, (short)Array.FindIndex(Editions, e => e.Code == editionCode), (short)(gradeIndex * 2 + volumeIndex), 0, 0, 0, 0, 0, 0, 0, 1);
            var chapterNode = new Guid(subjectIndex * 1000 + chapterIndex, (short)Array.FindIndex(Editions, e => e.Code == editionCode), (short)(gradeIndex * 2 + volumeIndex), 0, 0, 0, 0, 0, 0, 0, 2);
            docs.Add(new SearchDocument(
                new Guid(idBytes), title, description, tags, [stage.Name, subject.Name, edition, grade + volume, chapter], [volumeNode, chapterNode],
                stage.Code, subject.Code, $"{stage.Code}-{gradeIndex + 1}", typeCode, formats[random.Next(formats.Length)], Language(random),
                licence, kind, kind == "personalised" ? random.Next(1, 50) * 100 : 0, kind == "school" ? schools[random.Next(schools.Length)] : null,
                start.AddSeconds(random.NextInt64(5L * 365 * 24 * 3600)), (long)(Math.Pow(random.NextDouble(), 4) * 50_000),
                Math.Round(3 + random.NextDouble() * 2, 1), random.Next(200)));
        }
        return docs;
    }

    private static string Language(Random random)
    {
        var roll = random.Next(1000);
        foreach (var (code, weight) in Languages)
        {
            if ((roll -= weight) < 0)
            {
                return code;
            }
        }
        return "zh";
    }
}
