using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EduCloud.Students.Data.Migrations.Postgres
{
    /// <summary>
    /// The census becomes one row per school with its cells packed (ADR 0033). Up packs the existing cells in SQL (the
    /// bytes Data/CensusCells.cs reads); Down recounts the old per-cell table from the student records.
    /// </summary>
    public partial class PackedCensus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "stu_census_school",
                schema: "students",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Cells = table.Column<byte[]>(type: "bytea", nullable: false),
                    Students = table.Column<int>(type: "integer", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_census_school", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_stu_census_school_CityCode",
                schema: "students",
                table: "stu_census_school",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_census_school_CountyCode",
                schema: "students",
                table: "stu_census_school",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_census_school_ProvinceCode",
                schema: "students",
                table: "stu_census_school",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_census_school_SchoolId",
                schema: "students",
                table: "stu_census_school",
                column: "SchoolId",
                unique: true);

            migrationBuilder.Sql("""
                INSERT INTO students.stu_census_school ("SchoolId", "ProvinceCode", "CityCode", "CountyCode", "Students", "Cells")
                SELECT "SchoolId", min("ProvinceCode"), min("CityCode"), min("CountyCode"), sum("Students"),
                       decode('01' || string_agg(
                           lpad(to_hex("Stage"), 2, '0') || lpad(to_hex("GradeLevel"), 2, '0') || lpad(to_hex("Sex"), 2, '0')
                           || encode(convert_to(rpad("EthnicityCode", 2), 'UTF8'), 'hex')
                           || lpad(to_hex("UrbanRural"), 2, '0') || lpad(to_hex("Status"), 2, '0')
                           || lpad(to_hex("Students"), 8, '0') || lpad(to_hex("LeftBehind"), 8, '0')
                           || lpad(to_hex("Migrant"), 8, '0') || lpad(to_hex("Disabled"), 8, '0'), ''), 'hex')
                FROM students.stu_school_census
                WHERE "SchoolId" IS NOT NULL AND ("Students" <> 0 OR "LeftBehind" <> 0 OR "Migrant" <> 0 OR "Disabled" <> 0)
                GROUP BY "SchoolId"
                """);

            migrationBuilder.DropTable(
                name: "stu_school_census",
                schema: "students");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "stu_school_census",
                schema: "students",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    GradeLevel = table.Column<int>(type: "integer", nullable: false),
                    Sex = table.Column<int>(type: "integer", nullable: false),
                    EthnicityCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    UrbanRural = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Students = table.Column<int>(type: "integer", nullable: false),
                    LeftBehind = table.Column<int>(type: "integer", nullable: false),
                    Migrant = table.Column<int>(type: "integer", nullable: false),
                    Disabled = table.Column<int>(type: "integer", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_school_census", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_stu_school_census_CityCode",
                schema: "students",
                table: "stu_school_census",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_school_census_CountyCode",
                schema: "students",
                table: "stu_school_census",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_school_census_ProvinceCode",
                schema: "students",
                table: "stu_school_census",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_school_census_SchoolId_Stage_GradeLevel_Sex_EthnicityCode_UrbanRural_Status",
                schema: "students",
                table: "stu_school_census",
                columns: new[] { "SchoolId", "Stage", "GradeLevel", "Sex", "EthnicityCode", "UrbanRural", "Status" },
                unique: true);

            migrationBuilder.Sql("""
                INSERT INTO students.stu_school_census ("SchoolId", "ProvinceCode", "CityCode", "CountyCode", "Stage", "GradeLevel", "Sex", "EthnicityCode",
                                      "UrbanRural", "Status", "Students", "LeftBehind", "Migrant", "Disabled")
                SELECT "SchoolId", MIN("ProvinceCode"), MIN("CityCode"), MIN("CountyCode"), "Stage", "GradeLevel", "Sex", "EthnicityCode", "UrbanRural", "Status",
                       COUNT(*), SUM(CASE WHEN "LeftBehind" THEN 1 ELSE 0 END), SUM(CASE WHEN "Migrant" THEN 1 ELSE 0 END),
                       SUM(CASE WHEN "Disability" <> 0 THEN 1 ELSE 0 END)
                FROM students.stu_student WHERE "SchoolId" IS NOT NULL
                GROUP BY "SchoolId", "Stage", "GradeLevel", "Sex", "EthnicityCode", "UrbanRural", "Status"
                """);

            migrationBuilder.DropTable(
                name: "stu_census_school",
                schema: "students");
        }
    }
}
