using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Organization.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "organization");

            migrationBuilder.CreateTable(
                name: "org_academic_year",
                schema: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StartYear = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_academic_year", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "org_class",
                schema: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GradeId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeachingPointId = table.Column<Guid>(type: "uuid", nullable: true),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_class", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "org_grade",
                schema: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AcademicYearId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    EntryYear = table.Column<int>(type: "integer", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_grade", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "org_region",
                schema: "organization",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    RetiredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReplacedBy = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_region", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "org_school",
                schema: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Stages = table.Column<int>(type: "integer", nullable: false),
                    UrbanRural = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_school", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "org_teaching_point",
                schema: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CentralSchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UrbanRural = table.Column<int>(type: "integer", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_teaching_point", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "org_term",
                schema: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AcademicYearId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_term", x => x.Id);
                    table.ForeignKey(
                        name: "FK_org_term_org_academic_year_AcademicYearId",
                        column: x => x.AcademicYearId,
                        principalSchema: "organization",
                        principalTable: "org_academic_year",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_org_academic_year_StartYear",
                schema: "organization",
                table: "org_academic_year",
                column: "StartYear",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_org_class_CityCode",
                schema: "organization",
                table: "org_class",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_class_ClassId",
                schema: "organization",
                table: "org_class",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_org_class_CountyCode",
                schema: "organization",
                table: "org_class",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_class_GradeId",
                schema: "organization",
                table: "org_class",
                column: "GradeId");

            migrationBuilder.CreateIndex(
                name: "IX_org_class_GradeId_Number",
                schema: "organization",
                table: "org_class",
                columns: new[] { "GradeId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_org_class_ProvinceCode",
                schema: "organization",
                table: "org_class",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_class_SchoolId",
                schema: "organization",
                table: "org_class",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_org_grade_CityCode",
                schema: "organization",
                table: "org_grade",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_grade_ClassId",
                schema: "organization",
                table: "org_grade",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_org_grade_CountyCode",
                schema: "organization",
                table: "org_grade",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_grade_ProvinceCode",
                schema: "organization",
                table: "org_grade",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_grade_SchoolId",
                schema: "organization",
                table: "org_grade",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_org_grade_SchoolId_AcademicYearId_Stage_Level",
                schema: "organization",
                table: "org_grade",
                columns: new[] { "SchoolId", "AcademicYearId", "Stage", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_org_region_ParentCode",
                schema: "organization",
                table: "org_region",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_school_CityCode",
                schema: "organization",
                table: "org_school",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_school_ClassId",
                schema: "organization",
                table: "org_school",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_org_school_Code",
                schema: "organization",
                table: "org_school",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_org_school_CountyCode",
                schema: "organization",
                table: "org_school",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_school_ProvinceCode",
                schema: "organization",
                table: "org_school",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_school_SchoolId",
                schema: "organization",
                table: "org_school",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_org_teaching_point_CentralSchoolId",
                schema: "organization",
                table: "org_teaching_point",
                column: "CentralSchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_org_teaching_point_CityCode",
                schema: "organization",
                table: "org_teaching_point",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_teaching_point_ClassId",
                schema: "organization",
                table: "org_teaching_point",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_org_teaching_point_CountyCode",
                schema: "organization",
                table: "org_teaching_point",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_teaching_point_ProvinceCode",
                schema: "organization",
                table: "org_teaching_point",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_teaching_point_SchoolId",
                schema: "organization",
                table: "org_teaching_point",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_org_term_AcademicYearId_Number",
                schema: "organization",
                table: "org_term",
                columns: new[] { "AcademicYearId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "org_class",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "org_grade",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "org_region",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "org_school",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "org_teaching_point",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "org_term",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "org_academic_year",
                schema: "organization");
        }
    }
}
