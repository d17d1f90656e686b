using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Lessons.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "les_criterion",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MaxPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_les_criterion", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "les_entry",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeacherId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeacherName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SchoolName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StageCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    GradeCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Edition = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CatalogueNodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CataloguePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ChapterNodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DesignResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoursewareResourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordingResourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ExerciseResourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RecommendedLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    Award = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_les_entry", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "les_quota",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    MaxRecommendations = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_les_quota", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "les_round",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phase = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceQuota = table.Column<int>(type: "INTEGER", nullable: false),
                    OnePerChapter = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_les_round", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "les_score",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Points = table.Column<string>(type: "TEXT", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_les_score", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_les_criterion_RoundId_SortOrder",
                table: "les_criterion",
                columns: new[] { "RoundId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_les_entry_CityCode",
                table: "les_entry",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_les_entry_ClassId",
                table: "les_entry",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_les_entry_CountyCode",
                table: "les_entry",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_les_entry_ProvinceCode",
                table: "les_entry",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_les_entry_RoundId_Award",
                table: "les_entry",
                columns: new[] { "RoundId", "Award" });

            migrationBuilder.CreateIndex(
                name: "IX_les_entry_RoundId_CountyCode_Status",
                table: "les_entry",
                columns: new[] { "RoundId", "CountyCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_les_entry_RoundId_TeacherId",
                table: "les_entry",
                columns: new[] { "RoundId", "TeacherId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_les_entry_SchoolId",
                table: "les_entry",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_les_quota_CityCode",
                table: "les_quota",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_les_quota_ClassId",
                table: "les_quota",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_les_quota_CountyCode",
                table: "les_quota",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_les_quota_ProvinceCode",
                table: "les_quota",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_les_quota_RoundId_RegionCode",
                table: "les_quota",
                columns: new[] { "RoundId", "RegionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_les_quota_SchoolId",
                table: "les_quota",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_les_round_CityCode",
                table: "les_round",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_les_round_ClassId",
                table: "les_round",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_les_round_CountyCode",
                table: "les_round",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_les_round_ProvinceCode",
                table: "les_round",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_les_round_SchoolId",
                table: "les_round",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_les_round_Year_ProvinceCode",
                table: "les_round",
                columns: new[] { "Year", "ProvinceCode" });

            migrationBuilder.CreateIndex(
                name: "IX_les_score_EntryId_Level_ReviewerId",
                table: "les_score",
                columns: new[] { "EntryId", "Level", "ReviewerId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "les_criterion");

            migrationBuilder.DropTable(
                name: "les_entry");

            migrationBuilder.DropTable(
                name: "les_quota");

            migrationBuilder.DropTable(
                name: "les_round");

            migrationBuilder.DropTable(
                name: "les_score");
        }
    }
}
