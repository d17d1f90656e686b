using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Students.Data.Migrations.Sqlite
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
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Cells = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Students = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_census_school", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_stu_census_school_CityCode",
                table: "stu_census_school",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_census_school_CountyCode",
                table: "stu_census_school",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_census_school_ProvinceCode",
                table: "stu_census_school",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_census_school_SchoolId",
                table: "stu_census_school",
                column: "SchoolId",
                unique: true);

            migrationBuilder.Sql("""
                INSERT INTO stu_census_school ("SchoolId", "ProvinceCode", "CityCode", "CountyCode", "Students", "Cells")
                SELECT "SchoolId", min("ProvinceCode"), min("CityCode"), min("CountyCode"), sum("Students"),
                       unhex('01' || group_concat(
                           printf('%02X%02X%02X', "Stage", "GradeLevel", "Sex") || substr(hex("EthnicityCode") || '2020', 1, 4)
                           || printf('%02X%02X%08X%08X%08X%08X', "UrbanRural", "Status", "Students" & 4294967295, "LeftBehind" & 4294967295,
                                     "Migrant" & 4294967295, "Disabled" & 4294967295), ''))
                FROM stu_school_census
                WHERE "SchoolId" IS NOT NULL AND ("Students" <> 0 OR "LeftBehind" <> 0 OR "Migrant" <> 0 OR "Disabled" <> 0)
                GROUP BY "SchoolId"
                """);

            migrationBuilder.DropTable(
                name: "stu_school_census");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "stu_school_census",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    GradeLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    Sex = table.Column<int>(type: "INTEGER", nullable: false),
                    EthnicityCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    UrbanRural = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Students = table.Column<int>(type: "INTEGER", nullable: false),
                    LeftBehind = table.Column<int>(type: "INTEGER", nullable: false),
                    Migrant = table.Column<int>(type: "INTEGER", nullable: false),
                    Disabled = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_school_census", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_stu_school_census_CityCode",
                table: "stu_school_census",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_school_census_CountyCode",
                table: "stu_school_census",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_school_census_ProvinceCode",
                table: "stu_school_census",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_school_census_SchoolId_Stage_GradeLevel_Sex_EthnicityCode_UrbanRural_Status",
                table: "stu_school_census",
                columns: new[] { "SchoolId", "Stage", "GradeLevel", "Sex", "EthnicityCode", "UrbanRural", "Status" },
                unique: true);

            migrationBuilder.Sql("""
                INSERT INTO stu_school_census ("SchoolId", "ProvinceCode", "CityCode", "CountyCode", "Stage", "GradeLevel", "Sex", "EthnicityCode",
                                      "UrbanRural", "Status", "Students", "LeftBehind", "Migrant", "Disabled")
                SELECT "SchoolId", MIN("ProvinceCode"), MIN("CityCode"), MIN("CountyCode"), "Stage", "GradeLevel", "Sex", "EthnicityCode", "UrbanRural", "Status",
                       COUNT(*), SUM(CASE WHEN "LeftBehind" THEN 1 ELSE 0 END), SUM(CASE WHEN "Migrant" THEN 1 ELSE 0 END),
                       SUM(CASE WHEN "Disability" <> 0 THEN 1 ELSE 0 END)
                FROM stu_student WHERE "SchoolId" IS NOT NULL
                GROUP BY "SchoolId", "Stage", "GradeLevel", "Sex", "EthnicityCode", "UrbanRural", "Status"
                """);

            migrationBuilder.DropTable(
                name: "stu_census_school");
        }
    }
}
