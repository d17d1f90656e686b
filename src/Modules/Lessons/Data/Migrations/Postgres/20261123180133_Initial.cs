using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Lessons.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "lessons");

            migrationBuilder.CreateTable(
                name: "les_criterion",
                schema: "lessons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    MaxPoints = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_les_criterion", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "les_entry",
                schema: "lessons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeacherId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeacherName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SchoolName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StageCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    GradeCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Edition = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CatalogueNodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    CataloguePath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ChapterNodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    DesignResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    CoursewareResourceId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordingResourceId = table.Column<Guid>(type: "uuid", nullable: true),
                    ExerciseResourceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RecommendedLevel = table.Column<int>(type: "integer", nullable: false),
                    Award = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_les_entry", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "les_quota",
                schema: "lessons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    MaxRecommendations = table.Column<int>(type: "integer", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_les_quota", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "les_round",
                schema: "lessons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Phase = table.Column<int>(type: "integer", nullable: false),
                    ProvinceQuota = table.Column<int>(type: "integer", nullable: false),
                    OnePerChapter = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_les_round", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "les_score",
                schema: "lessons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    ReviewerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Points = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_les_score", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_les_criterion_RoundId_SortOrder",
                schema: "lessons",
                table: "les_criterion",
                columns: new[] { "RoundId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_les_entry_CityCode",
                schema: "lessons",
                table: "les_entry",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_les_entry_ClassId",
                schema: "lessons",
                table: "les_entry",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_les_entry_CountyCode",
                schema: "lessons",
                table: "les_entry",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_les_entry_ProvinceCode",
                schema: "lessons",
                table: "les_entry",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_les_entry_RoundId_Award",
                schema: "lessons",
                table: "les_entry",
                columns: new[] { "RoundId", "Award" });

            migrationBuilder.CreateIndex(
                name: "IX_les_entry_RoundId_CountyCode_Status",
                schema: "lessons",
                table: "les_entry",
                columns: new[] { "RoundId", "CountyCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_les_entry_RoundId_TeacherId",
                schema: "lessons",
                table: "les_entry",
                columns: new[] { "RoundId", "TeacherId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_les_entry_SchoolId",
                schema: "lessons",
                table: "les_entry",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_les_quota_CityCode",
                schema: "lessons",
                table: "les_quota",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_les_quota_ClassId",
                schema: "lessons",
                table: "les_quota",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_les_quota_CountyCode",
                schema: "lessons",
                table: "les_quota",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_les_quota_ProvinceCode",
                schema: "lessons",
                table: "les_quota",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_les_quota_RoundId_RegionCode",
                schema: "lessons",
                table: "les_quota",
                columns: new[] { "RoundId", "RegionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_les_quota_SchoolId",
                schema: "lessons",
                table: "les_quota",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_les_round_CityCode",
                schema: "lessons",
                table: "les_round",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_les_round_ClassId",
                schema: "lessons",
                table: "les_round",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_les_round_CountyCode",
                schema: "lessons",
                table: "les_round",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_les_round_ProvinceCode",
                schema: "lessons",
                table: "les_round",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_les_round_SchoolId",
                schema: "lessons",
                table: "les_round",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_les_round_Year_ProvinceCode",
                schema: "lessons",
                table: "les_round",
                columns: new[] { "Year", "ProvinceCode" });

            migrationBuilder.CreateIndex(
                name: "IX_les_score_EntryId_Level_ReviewerId",
                schema: "lessons",
                table: "les_score",
                columns: new[] { "EntryId", "Level", "ReviewerId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "les_criterion",
                schema: "lessons");

            migrationBuilder.DropTable(
                name: "les_entry",
                schema: "lessons");

            migrationBuilder.DropTable(
                name: "les_quota",
                schema: "lessons");

            migrationBuilder.DropTable(
                name: "les_round",
                schema: "lessons");

            migrationBuilder.DropTable(
                name: "les_score",
                schema: "lessons");
        }
    }
}
