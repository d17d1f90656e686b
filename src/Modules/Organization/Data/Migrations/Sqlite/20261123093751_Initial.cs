using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Organization.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "org_academic_year",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_academic_year", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "org_class",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GradeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeachingPointId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_class", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "org_grade",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AcademicYearId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    EntryYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_grade", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "org_region",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    RetiredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReplacedBy = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_region", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "org_school",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Stages = table.Column<int>(type: "INTEGER", nullable: false),
                    UrbanRural = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_school", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "org_teaching_point",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentralSchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UrbanRural = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_teaching_point", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "org_term",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AcademicYearId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_term", x => x.Id);
                    table.ForeignKey(
                        name: "FK_org_term_org_academic_year_AcademicYearId",
                        column: x => x.AcademicYearId,
                        principalTable: "org_academic_year",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_org_academic_year_StartYear",
                table: "org_academic_year",
                column: "StartYear",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_org_class_CityCode",
                table: "org_class",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_class_ClassId",
                table: "org_class",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_org_class_CountyCode",
                table: "org_class",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_class_GradeId",
                table: "org_class",
                column: "GradeId");

            migrationBuilder.CreateIndex(
                name: "IX_org_class_GradeId_Number",
                table: "org_class",
                columns: new[] { "GradeId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_org_class_ProvinceCode",
                table: "org_class",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_class_SchoolId",
                table: "org_class",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_org_grade_CityCode",
                table: "org_grade",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_grade_ClassId",
                table: "org_grade",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_org_grade_CountyCode",
                table: "org_grade",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_grade_ProvinceCode",
                table: "org_grade",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_grade_SchoolId",
                table: "org_grade",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_org_grade_SchoolId_AcademicYearId_Stage_Level",
                table: "org_grade",
                columns: new[] { "SchoolId", "AcademicYearId", "Stage", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_org_region_ParentCode",
                table: "org_region",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_school_CityCode",
                table: "org_school",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_school_ClassId",
                table: "org_school",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_org_school_Code",
                table: "org_school",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_org_school_CountyCode",
                table: "org_school",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_school_ProvinceCode",
                table: "org_school",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_school_SchoolId",
                table: "org_school",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_org_teaching_point_CentralSchoolId",
                table: "org_teaching_point",
                column: "CentralSchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_org_teaching_point_CityCode",
                table: "org_teaching_point",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_teaching_point_ClassId",
                table: "org_teaching_point",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_org_teaching_point_CountyCode",
                table: "org_teaching_point",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_teaching_point_ProvinceCode",
                table: "org_teaching_point",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_teaching_point_SchoolId",
                table: "org_teaching_point",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_org_term_AcademicYearId_Number",
                table: "org_term",
                columns: new[] { "AcademicYearId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "org_class");

            migrationBuilder.DropTable(
                name: "org_grade");

            migrationBuilder.DropTable(
                name: "org_region");

            migrationBuilder.DropTable(
                name: "org_school");

            migrationBuilder.DropTable(
                name: "org_teaching_point");

            migrationBuilder.DropTable(
                name: "org_term");

            migrationBuilder.DropTable(
                name: "org_academic_year");
        }
    }
}
