//! The demo province's departments: who they are, their units, budget lines and one set of
//! performance indicators each. Pure data; `super` turns it into database rows through the
//! same repository functions the API uses, and invents monthly figures from it.
//!
//! Conventions (checked by the tests in `super`):
//! - money in 万元 (ten thousand yuan) — the unit of Chinese budget documents;
//! - each department's `indicators` carry 90 points: output 50, effect 30, satisfaction 10
//!   (or effect 40 with no satisfaction indicator); the common budget-execution indicator
//!   (10 points) is added by the seeder, so every set sums to 100;
//! - every project pays for at least one output indicator (`pays_for` holds indicator keys);
//! - exactly one indicator per department is a key work target (`IndicatorOrigin::KeyWork`).

use jixiao_domain::framework::{Accumulation, Direction, IndicatorOrigin, Level2, Sector};

pub struct DepartmentSpec {
    pub code: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub sector: Sector,
    pub units: &'static [UnitSpec],
    /// Basic expenditure, 万元.
    pub personnel_wan: i64,
    pub operations_wan: i64,
    pub projects: &'static [ProjectSpec],
    pub indicators: &'static [IndicatorSpec],
}

pub struct UnitSpec {
    pub code: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
}

pub struct ProjectSpec {
    pub code: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// Annual budget, 万元.
    pub amount_wan: i64,
    /// Index into the department's `units`, or `None` for the department itself.
    pub unit: Option<usize>,
    /// Keys of the indicators this project pays for.
    pub pays_for: &'static [&'static str],
}

pub struct IndicatorSpec {
    pub key: &'static str,
    pub level2: Level2,
    pub origin: IndicatorOrigin,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub unit: &'static str,
    pub direction: Direction,
    pub accumulation: Accumulation,
    /// For qualitative indicators 0 (they have `target_text` instead).
    pub target: f64,
    /// Last year's actual.
    pub baseline: f64,
    pub points: f64,
    pub data_source: &'static str,
    pub target_text: Option<&'static str>,
}

static EDU_UNITS: &[UnitSpec] = &[
    UnitSpec {
        code: "EDU-01",
        name_zh: "浙江省教育考试院",
        name_en: "Zhejiang Education Examinations Authority",
    },
    UnitSpec {
        code: "EDU-02",
        name_zh: "浙江省教育技术中心",
        name_en: "Zhejiang Education Technology Center",
    },
    UnitSpec {
        code: "EDU-03",
        name_zh: "浙江省学生资助管理中心",
        name_en: "Zhejiang Student Financial Aid Management Center",
    },
];

static EDU_PROJECTS: &[ProjectSpec] = &[
    ProjectSpec {
        code: "EDU-P01",
        name_zh: "高校“双一流”建设专项资金",
        name_en: "Special fund for “Double First-Class” university development",
        amount_wan: 120000,
        unit: None,
        pays_for: &["esi_disciplines", "higher_ed_enrolment"],
    },
    ProjectSpec {
        code: "EDU-P02",
        name_zh: "学前教育发展专项资金",
        name_en: "Preschool education development fund",
        amount_wan: 45000,
        unit: None,
        pays_for: &["new_preschool_seats", "inclusive_kindergarten_share"],
    },
    ProjectSpec {
        code: "EDU-P03",
        name_zh: "学生资助补助经费",
        name_en: "Student financial aid subsidies",
        amount_wan: 38000,
        unit: Some(2),
        pays_for: &["aid_recipients", "aid_disbursement_days"],
    },
    ProjectSpec {
        code: "EDU-P04",
        name_zh: "国家教育考试组织与教育数字化经费",
        name_en: "National education examinations and education digitalisation fund",
        amount_wan: 9500,
        unit: Some(0),
        pays_for: &["exam_incidents", "digital_framework"],
    },
];

static EDU_INDICATORS: &[IndicatorSpec] = &[
    IndicatorSpec { key: "new_preschool_seats", level2: Level2::Quantity, origin: IndicatorOrigin::KeyWork, name_zh: "新增普惠性幼儿园学位", name_en: "New places in affordable (inclusive) kindergartens", unit: "个", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 30000.0, baseline: 27500.0, points: 12.0, data_source: "省教育厅事业统计年报 / Provincial education statistics yearbook", target_text: None },
    IndicatorSpec { key: "aid_recipients", level2: Level2::Quantity, origin: IndicatorOrigin::Individual, name_zh: "资助家庭经济困难学生人次", name_en: "Person-times of financial aid to students from families in financial difficulty", unit: "万人次", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 85.0, baseline: 81.2, points: 10.0, data_source: "全国学生资助管理信息系统 / National student financial aid information system", target_text: None },
    IndicatorSpec { key: "esi_disciplines", level2: Level2::Quality, origin: IndicatorOrigin::Individual, name_zh: "高校进入ESI全球前1%学科数", name_en: "University disciplines in the ESI global top 1%", unit: "个", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 160.0, baseline: 148.0, points: 10.0, data_source: "科睿唯安ESI数据库 / Clarivate ESI database", target_text: None },
    IndicatorSpec { key: "aid_disbursement_days", level2: Level2::Timeliness, origin: IndicatorOrigin::Individual, name_zh: "学生资助资金平均发放时限", name_en: "Average time to disburse student aid funds", unit: "天", direction: Direction::LowerBetter, accumulation: Accumulation::Level, target: 15.0, baseline: 17.0, points: 8.0, data_source: "省学生资助管理中心发放台账 / Student aid center disbursement ledger", target_text: None },
    IndicatorSpec { key: "exam_incidents", level2: Level2::Quality, origin: IndicatorOrigin::Individual, name_zh: "国家教育考试重大安全责任事故", name_en: "Major security incidents in national education examinations", unit: "起", direction: Direction::ZeroTarget, accumulation: Accumulation::Cumulative, target: 0.0, baseline: 0.0, points: 10.0, data_source: "省教育考试院考务工作报告 / Examinations Authority administration report", target_text: None },
    IndicatorSpec { key: "inclusive_kindergarten_share", level2: Level2::Social, origin: IndicatorOrigin::Individual, name_zh: "普惠性幼儿园在园幼儿占比", name_en: "Share of kindergarten children enrolled in inclusive kindergartens", unit: "%", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 92.0, baseline: 90.6, points: 10.0, data_source: "省教育厅事业统计年报 / Provincial education statistics yearbook", target_text: None },
    IndicatorSpec { key: "higher_ed_enrolment", level2: Level2::Social, origin: IndicatorOrigin::Individual, name_zh: "高等教育毛入学率", name_en: "Gross enrolment ratio in higher education", unit: "%", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 66.0, baseline: 64.8, points: 10.0, data_source: "省教育厅事业统计年报 / Provincial education statistics yearbook", target_text: None },
    IndicatorSpec { key: "digital_framework", level2: Level2::Sustainability, origin: IndicatorOrigin::Individual, name_zh: "教育数字化转型制度体系建设", name_en: "Institutional framework for the digital transformation of education", unit: "", direction: Direction::Qualitative, accumulation: Accumulation::Level, target: 0.0, baseline: 0.0, points: 10.0, data_source: "省教育厅发文及验收意见 / Department documents and acceptance opinion", target_text: Some("出台教育数字化改革实施方案并通过省级验收; Implementation plan for the digital reform of education issued and accepted at provincial level") },
    IndicatorSpec { key: "parent_satisfaction", level2: Level2::ServiceRecipients, origin: IndicatorOrigin::Common, name_zh: "学生家长满意度", name_en: "Parents’ satisfaction", unit: "%", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 90.0, baseline: 88.5, points: 10.0, data_source: "第三方满意度调查 / Third-party satisfaction survey", target_text: None },
];

static HEALTH_UNITS: &[UnitSpec] = &[
    UnitSpec {
        code: "HEALTH-01",
        name_zh: "浙江省疾病预防控制中心",
        name_en: "Zhejiang Provincial Center for Disease Control and Prevention",
    },
    UnitSpec {
        code: "HEALTH-02",
        name_zh: "浙江省卫生健康信息中心",
        name_en: "Zhejiang Health Information Center",
    },
    UnitSpec {
        code: "HEALTH-03",
        name_zh: "浙江省血液中心",
        name_en: "Zhejiang Blood Center",
    },
];

static HEALTH_PROJECTS: &[ProjectSpec] = &[
    ProjectSpec {
        code: "HEALTH-P01",
        name_zh: "基本公共卫生服务补助资金",
        name_en: "Basic public health services subsidies",
        amount_wan: 98000,
        unit: None,
        pays_for: &["chronic_managed", "life_expectancy"],
    },
    ProjectSpec {
        code: "HEALTH-P02",
        name_zh: "县域医共体建设专项资金",
        name_en: "County medical community development fund",
        amount_wan: 56000,
        unit: None,
        pays_for: &["outpatient_cost_growth", "county_visit_share"],
    },
    ProjectSpec {
        code: "HEALTH-P03",
        name_zh: "重大疾病预防控制专项经费",
        name_en: "Major disease prevention and control fund",
        amount_wan: 24000,
        unit: Some(0),
        pays_for: &["immunisation_rate", "maternal_mortality"],
    },
    ProjectSpec {
        code: "HEALTH-P04",
        name_zh: "婴幼儿照护服务发展资金",
        name_en: "Infant and toddler care services development fund",
        amount_wan: 18000,
        unit: None,
        pays_for: &["new_childcare_places"],
    },
];

static HEALTH_INDICATORS: &[IndicatorSpec] = &[
    IndicatorSpec {
        key: "new_childcare_places",
        level2: Level2::Quantity,
        origin: IndicatorOrigin::KeyWork,
        name_zh: "新增普惠性托位",
        name_en: "New affordable childcare places",
        unit: "个",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 20000.0,
        baseline: 17800.0,
        points: 10.0,
        data_source: "省卫生健康委托育服务统计 / Childcare services statistics",
        target_text: None,
    },
    IndicatorSpec {
        key: "chronic_managed",
        level2: Level2::Quantity,
        origin: IndicatorOrigin::Individual,
        name_zh: "高血压、糖尿病患者规范管理人数",
        name_en: "Hypertension and diabetes patients under standardised management",
        unit: "万人",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 620.0,
        baseline: 598.0,
        points: 10.0,
        data_source: "基本公共卫生服务信息系统 / Basic public health services information system",
        target_text: None,
    },
    IndicatorSpec {
        key: "immunisation_rate",
        level2: Level2::Quality,
        origin: IndicatorOrigin::Individual,
        name_zh: "适龄儿童免疫规划疫苗接种率",
        name_en: "Immunisation programme vaccination coverage of eligible children",
        unit: "%",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 95.0,
        baseline: 96.1,
        points: 10.0,
        data_source: "省免疫规划信息系统 / Provincial immunisation information system",
        target_text: None,
    },
    IndicatorSpec {
        key: "outpatient_cost_growth",
        level2: Level2::Cost,
        origin: IndicatorOrigin::Individual,
        name_zh: "公立医院门诊次均费用增幅",
        name_en: "Growth in average outpatient cost per visit at public hospitals",
        unit: "%",
        direction: Direction::LowerBetter,
        accumulation: Accumulation::Level,
        target: 3.0,
        baseline: 3.5,
        points: 10.0,
        data_source: "卫生健康财务年报 / Health finance annual report",
        target_text: None,
    },
    IndicatorSpec {
        key: "medical_safety_incidents",
        level2: Level2::Quality,
        origin: IndicatorOrigin::Individual,
        name_zh: "重大医疗质量安全事件",
        name_en: "Major medical quality and safety incidents",
        unit: "起",
        direction: Direction::ZeroTarget,
        accumulation: Accumulation::Cumulative,
        target: 0.0,
        baseline: 0.0,
        points: 10.0,
        data_source:
            "省医疗质量安全事件报告系统 / Medical quality and safety incident reporting system",
        target_text: None,
    },
    IndicatorSpec {
        key: "county_visit_share",
        level2: Level2::Social,
        origin: IndicatorOrigin::Individual,
        name_zh: "县域就诊率",
        name_en: "Share of patient visits treated within the county",
        unit: "%",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 90.0,
        baseline: 88.9,
        points: 10.0,
        data_source: "省卫生健康统计年鉴 / Provincial health statistics yearbook",
        target_text: None,
    },
    IndicatorSpec {
        key: "maternal_mortality",
        level2: Level2::Social,
        origin: IndicatorOrigin::Individual,
        name_zh: "孕产妇死亡率",
        name_en: "Maternal mortality rate",
        unit: "1/10万",
        direction: Direction::LowerBetter,
        accumulation: Accumulation::Level,
        target: 5.0,
        baseline: 4.5,
        points: 10.0,
        data_source: "妇幼卫生监测报告 / Maternal and child health surveillance report",
        target_text: None,
    },
    IndicatorSpec {
        key: "life_expectancy",
        level2: Level2::Sustainability,
        origin: IndicatorOrigin::Individual,
        name_zh: "人均预期寿命",
        name_en: "Average life expectancy",
        unit: "岁",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 82.6,
        baseline: 82.3,
        points: 10.0,
        data_source: "省卫生健康统计年鉴 / Provincial health statistics yearbook",
        target_text: None,
    },
    IndicatorSpec {
        key: "patient_satisfaction",
        level2: Level2::ServiceRecipients,
        origin: IndicatorOrigin::Common,
        name_zh: "患者满意度",
        name_en: "Patient satisfaction",
        unit: "%",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 92.0,
        baseline: 91.2,
        points: 10.0,
        data_source: "第三方满意度调查 / Third-party satisfaction survey",
        target_text: None,
    },
];

static TRANS_UNITS: &[UnitSpec] = &[
    UnitSpec {
        code: "TRANS-01",
        name_zh: "浙江省公路与运输管理中心",
        name_en: "Zhejiang Highway and Transport Management Center",
    },
    UnitSpec {
        code: "TRANS-02",
        name_zh: "浙江省港航管理中心",
        name_en: "Zhejiang Port and Shipping Management Center",
    },
    UnitSpec {
        code: "TRANS-03",
        name_zh: "浙江省交通运输科学研究院",
        name_en: "Zhejiang Scientific Research Institute of Transport",
    },
];

static TRANS_PROJECTS: &[ProjectSpec] = &[
    ProjectSpec {
        code: "TRANS-P01",
        name_zh: "普通国省道建设补助资金",
        name_en: "Subsidies for ordinary national and provincial trunk road construction",
        amount_wan: 150000,
        unit: Some(0),
        pays_for: &["trunk_road_km", "acceptance_pass_rate"],
    },
    ProjectSpec {
        code: "TRANS-P02",
        name_zh: "“四好农村路”建设补助资金",
        name_en: "“Four Good Rural Roads” construction subsidies",
        amount_wan: 62000,
        unit: Some(0),
        pays_for: &[
            "rural_road_km",
            "rural_road_unit_cost",
            "rural_bus_integration",
        ],
    },
    ProjectSpec {
        code: "TRANS-P03",
        name_zh: "内河航道建设与养护资金",
        name_en: "Inland waterway construction and maintenance fund",
        amount_wan: 35000,
        unit: Some(1),
        pays_for: &["waterway_km", "logistics_cost_ratio"],
    },
    ProjectSpec {
        code: "TRANS-P04",
        name_zh: "危旧桥梁改造与交通安全保障资金",
        name_en: "Dilapidated bridge reconstruction and transport safety fund",
        amount_wan: 6500,
        unit: None,
        pays_for: &["bridges_rebuilt", "vehicle_death_rate"],
    },
];

static TRANS_INDICATORS: &[IndicatorSpec] = &[
    IndicatorSpec {
        key: "rural_road_km",
        level2: Level2::Quantity,
        origin: IndicatorOrigin::KeyWork,
        name_zh: "农村公路新改建里程",
        name_en: "Rural roads newly built or upgraded",
        unit: "公里",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 2000.0,
        baseline: 2130.0,
        points: 10.0,
        data_source: "省交通运输厅农村公路统计 / Rural road statistics",
        target_text: None,
    },
    IndicatorSpec {
        key: "trunk_road_km",
        level2: Level2::Quantity,
        origin: IndicatorOrigin::Individual,
        name_zh: "普通国省道新改建里程",
        name_en: "Ordinary national and provincial trunk roads newly built or upgraded",
        unit: "公里",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 300.0,
        baseline: 285.0,
        points: 10.0,
        data_source: "交通建设项目管理系统 / Transport construction project management system",
        target_text: None,
    },
    IndicatorSpec {
        key: "waterway_km",
        level2: Level2::Quantity,
        origin: IndicatorOrigin::Individual,
        name_zh: "新增高等级航道里程",
        name_en: "New high-grade inland waterways",
        unit: "公里",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 60.0,
        baseline: 52.0,
        points: 8.0,
        data_source: "省港航管理中心年报 / Port and Shipping Management Center annual report",
        target_text: None,
    },
    IndicatorSpec {
        key: "bridges_rebuilt",
        level2: Level2::Quantity,
        origin: IndicatorOrigin::Individual,
        name_zh: "危旧桥梁改造数量",
        name_en: "Dilapidated bridges rebuilt",
        unit: "座",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 300.0,
        baseline: 280.0,
        points: 7.0,
        data_source: "公路桥梁管理系统 / Highway bridge management system",
        target_text: None,
    },
    IndicatorSpec {
        key: "acceptance_pass_rate",
        level2: Level2::Quality,
        origin: IndicatorOrigin::Individual,
        name_zh: "公路工程交工验收合格率",
        name_en: "Pass rate of highway works at handover acceptance",
        unit: "%",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 100.0,
        baseline: 100.0,
        points: 8.0,
        data_source: "交通工程质量监督报告 / Transport works quality supervision report",
        target_text: None,
    },
    IndicatorSpec {
        key: "rural_road_unit_cost",
        level2: Level2::Cost,
        origin: IndicatorOrigin::Individual,
        name_zh: "农村公路单位造价",
        name_en: "Unit construction cost of rural roads",
        unit: "万元/公里",
        direction: Direction::LowerBetter,
        accumulation: Accumulation::Level,
        target: 180.0,
        baseline: 188.0,
        points: 7.0,
        data_source: "项目竣工决算报告 / Project final accounts",
        target_text: None,
    },
    IndicatorSpec {
        key: "rural_bus_integration",
        level2: Level2::Social,
        origin: IndicatorOrigin::Individual,
        name_zh: "城乡公交一体化率",
        name_en: "Urban-rural public transport integration rate",
        unit: "%",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 90.0,
        baseline: 86.0,
        points: 10.0,
        data_source: "省交通运输统计年报 / Transport statistics yearbook",
        target_text: None,
    },
    IndicatorSpec {
        key: "vehicle_death_rate",
        level2: Level2::Social,
        origin: IndicatorOrigin::Individual,
        name_zh: "营运车辆万车死亡率",
        name_en: "Deaths per 10,000 commercial vehicles",
        unit: "人/万车",
        direction: Direction::LowerBetter,
        accumulation: Accumulation::Level,
        target: 0.8,
        baseline: 0.9,
        points: 10.0,
        data_source: "省道路运输安全生产统计 / Road transport safety statistics",
        target_text: None,
    },
    IndicatorSpec {
        key: "logistics_cost_ratio",
        level2: Level2::Economic,
        origin: IndicatorOrigin::Individual,
        name_zh: "社会物流总费用与GDP比率",
        name_en: "Ratio of total social logistics cost to GDP",
        unit: "%",
        direction: Direction::LowerBetter,
        accumulation: Accumulation::Level,
        target: 13.5,
        baseline: 13.8,
        points: 10.0,
        data_source: "省发展改革委物流统计 / Provincial logistics statistics",
        target_text: None,
    },
    IndicatorSpec {
        key: "traveller_satisfaction",
        level2: Level2::ServiceRecipients,
        origin: IndicatorOrigin::Common,
        name_zh: "公众出行满意度",
        name_en: "Public satisfaction with travel services",
        unit: "%",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 90.0,
        baseline: 88.7,
        points: 10.0,
        data_source: "第三方满意度调查 / Third-party satisfaction survey",
        target_text: None,
    },
];

static ECOENV_UNITS: &[UnitSpec] = &[
    UnitSpec {
        code: "ECOENV-01",
        name_zh: "浙江省生态环境监测中心",
        name_en: "Zhejiang Ecological and Environmental Monitoring Center",
    },
    UnitSpec {
        code: "ECOENV-02",
        name_zh: "浙江省生态环境科学设计研究院",
        name_en: "Environmental Science Research and Design Institute of Zhejiang Province",
    },
    UnitSpec {
        code: "ECOENV-03",
        name_zh: "浙江省生态环境保护综合行政执法队",
        name_en: "Zhejiang Eco-environmental Protection Comprehensive Law Enforcement Team",
    },
];

static ECOENV_PROJECTS: &[ProjectSpec] = &[
    ProjectSpec {
        code: "ECOENV-P01",
        name_zh: "大气污染防治专项资金",
        name_en: "Air pollution prevention and control fund",
        amount_wan: 42000,
        unit: None,
        pays_for: &["voc_projects", "pm25"],
    },
    ProjectSpec {
        code: "ECOENV-P02",
        name_zh: "水污染防治专项资金",
        name_en: "Water pollution prevention and control fund",
        amount_wan: 55000,
        unit: None,
        pays_for: &["zero_discharge_parks", "good_water_share"],
    },
    ProjectSpec {
        code: "ECOENV-P03",
        name_zh: "生态环境监测能力建设经费",
        name_en: "Eco-environmental monitoring capacity building fund",
        amount_wan: 12000,
        unit: Some(0),
        pays_for: &["water_stations", "monitoring_validity", "env_emergencies"],
    },
    ProjectSpec {
        code: "ECOENV-P04",
        name_zh: "土壤污染防治专项资金",
        name_en: "Soil pollution prevention and control fund",
        amount_wan: 16000,
        unit: Some(1),
        pays_for: &["sites_remediated", "farmland_safe_use"],
    },
];

static ECOENV_INDICATORS: &[IndicatorSpec] = &[
    IndicatorSpec {
        key: "voc_projects",
        level2: Level2::Quantity,
        origin: IndicatorOrigin::Individual,
        name_zh: "完成重点行业挥发性有机物治理项目",
        name_en: "Key-industry VOC treatment projects completed",
        unit: "个",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 1000.0,
        baseline: 920.0,
        points: 10.0,
        data_source: "省大气污染防治工作台账 / Air pollution control ledger",
        target_text: None,
    },
    IndicatorSpec {
        key: "zero_discharge_parks",
        level2: Level2::Quantity,
        origin: IndicatorOrigin::KeyWork,
        name_zh: "建成“污水零直排区”工业园区",
        name_en: "Industrial parks completing “zero direct sewage discharge” zones",
        unit: "个",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 120.0,
        baseline: 110.0,
        points: 10.0,
        data_source: "省治水办验收清单 / Water governance office acceptance list",
        target_text: None,
    },
    IndicatorSpec {
        key: "water_stations",
        level2: Level2::Quantity,
        origin: IndicatorOrigin::Individual,
        name_zh: "新建水质自动监测站",
        name_en: "New automatic water quality monitoring stations",
        unit: "个",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 50.0,
        baseline: 45.0,
        points: 8.0,
        data_source: "省生态环境监测中心建设台账 / Monitoring center construction ledger",
        target_text: None,
    },
    IndicatorSpec {
        key: "sites_remediated",
        level2: Level2::Quantity,
        origin: IndicatorOrigin::Individual,
        name_zh: "完成受污染地块治理修复",
        name_en: "Contaminated land parcels remediated",
        unit: "块",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 40.0,
        baseline: 36.0,
        points: 7.0,
        data_source: "全国污染地块土壤环境管理系统 / National contaminated site management system",
        target_text: None,
    },
    IndicatorSpec {
        key: "monitoring_validity",
        level2: Level2::Quality,
        origin: IndicatorOrigin::Individual,
        name_zh: "自动监测数据有效率",
        name_en: "Valid data rate of automatic monitoring",
        unit: "%",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 95.0,
        baseline: 94.1,
        points: 8.0,
        data_source: "省生态环境监测中心质控报告 / Monitoring center QA/QC report",
        target_text: None,
    },
    IndicatorSpec {
        key: "env_emergencies",
        level2: Level2::Quality,
        origin: IndicatorOrigin::Individual,
        name_zh: "重大及以上突发环境事件",
        name_en: "Major or worse environmental emergencies",
        unit: "起",
        direction: Direction::ZeroTarget,
        accumulation: Accumulation::Cumulative,
        target: 0.0,
        baseline: 0.0,
        points: 7.0,
        data_source: "突发环境事件信息报告系统 / Environmental emergency reporting system",
        target_text: None,
    },
    IndicatorSpec {
        key: "pm25",
        level2: Level2::Ecological,
        origin: IndicatorOrigin::Individual,
        name_zh: "设区城市PM2.5平均浓度",
        name_en: "Average PM2.5 concentration in prefecture-level cities",
        unit: "微克/立方米",
        direction: Direction::LowerBetter,
        accumulation: Accumulation::Level,
        target: 27.0,
        baseline: 28.0,
        points: 10.0,
        data_source: "省环境空气质量监测网 / Provincial air quality monitoring network",
        target_text: None,
    },
    IndicatorSpec {
        key: "good_water_share",
        level2: Level2::Ecological,
        origin: IndicatorOrigin::Individual,
        name_zh: "省控断面Ⅲ类以上水质比例",
        name_en: "Share of provincially monitored sections at Grade III or better",
        unit: "%",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 96.0,
        baseline: 95.2,
        points: 10.0,
        data_source: "省地表水环境质量月报 / Surface water quality monthly report",
        target_text: None,
    },
    IndicatorSpec {
        key: "farmland_safe_use",
        level2: Level2::Ecological,
        origin: IndicatorOrigin::Individual,
        name_zh: "受污染耕地安全利用率",
        name_en: "Safe utilisation rate of contaminated farmland",
        unit: "%",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 93.0,
        baseline: 92.0,
        points: 10.0,
        data_source: "省土壤污染防治年度评估 / Soil pollution control annual assessment",
        target_text: None,
    },
    IndicatorSpec {
        key: "public_satisfaction",
        level2: Level2::ServiceRecipients,
        origin: IndicatorOrigin::Common,
        name_zh: "公众生态环境满意度",
        name_en: "Public satisfaction with the eco-environment",
        unit: "%",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 88.0,
        baseline: 86.9,
        points: 10.0,
        data_source: "第三方满意度调查 / Third-party satisfaction survey",
        target_text: None,
    },
];

static AGRI_UNITS: &[UnitSpec] = &[
    UnitSpec {
        code: "AGRI-01",
        name_zh: "浙江省农业技术推广中心",
        name_en: "Zhejiang Agricultural Technology Extension Center",
    },
    UnitSpec {
        code: "AGRI-02",
        name_zh: "浙江省农产品质量安全中心",
        name_en: "Zhejiang Agricultural Product Quality and Safety Center",
    },
    UnitSpec {
        code: "AGRI-03",
        name_zh: "浙江省动物疫病预防控制中心",
        name_en: "Zhejiang Animal Disease Prevention and Control Center",
    },
];

static AGRI_PROJECTS: &[ProjectSpec] = &[
    ProjectSpec {
        code: "AGRI-P01",
        name_zh: "高标准农田建设补助资金",
        name_en: "High-standard farmland construction subsidies",
        amount_wan: 85000,
        unit: None,
        pays_for: &["hs_farmland", "farmland_unit_cost", "grain_output"],
    },
    ProjectSpec {
        code: "AGRI-P02",
        name_zh: "粮食生产扶持资金",
        name_en: "Grain production support fund",
        amount_wan: 40000,
        unit: Some(0),
        pays_for: &["grain_area", "grain_output"],
    },
    ProjectSpec {
        code: "AGRI-P03",
        name_zh: "农产品质量安全监管经费",
        name_en: "Agricultural product quality and safety supervision fund",
        amount_wan: 8000,
        unit: Some(1),
        pays_for: &["sampling_pass_rate"],
    },
    ProjectSpec {
        code: "AGRI-P04",
        name_zh: "强村富民乡村集成改革资金",
        name_en: "Integrated rural reform fund for stronger villages and richer farmers",
        amount_wan: 30000,
        unit: None,
        pays_for: &["farmer_training", "rural_income_growth", "reform_framework"],
    },
];

static AGRI_INDICATORS: &[IndicatorSpec] = &[
    IndicatorSpec { key: "hs_farmland", level2: Level2::Quantity, origin: IndicatorOrigin::KeyWork, name_zh: "新建(改造提升)高标准农田", name_en: "High-standard farmland built or upgraded", unit: "万亩", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 80.0, baseline: 76.0, points: 12.0, data_source: "全国农田建设监管平台 / National farmland construction supervision platform", target_text: None },
    IndicatorSpec { key: "grain_area", level2: Level2::Quantity, origin: IndicatorOrigin::Individual, name_zh: "粮食播种面积", name_en: "Grain sown area", unit: "万亩", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 1530.0, baseline: 1526.0, points: 10.0, data_source: "省统计局农业统计 / Provincial agricultural statistics", target_text: None },
    IndicatorSpec { key: "farmer_training", level2: Level2::Quantity, origin: IndicatorOrigin::Individual, name_zh: "高素质农民培训", name_en: "High-quality farmer training", unit: "人次", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 100000.0, baseline: 96000.0, points: 8.0, data_source: "省农民教育培训管理系统 / Farmer training management system", target_text: None },
    IndicatorSpec { key: "sampling_pass_rate", level2: Level2::Quality, origin: IndicatorOrigin::Individual, name_zh: "农产品质量安全例行监测合格率", name_en: "Pass rate of routine agricultural product quality and safety monitoring", unit: "%", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 98.0, baseline: 98.5, points: 10.0, data_source: "省农产品质量安全例行监测报告 / Routine monitoring report", target_text: None },
    IndicatorSpec { key: "farmland_unit_cost", level2: Level2::Cost, origin: IndicatorOrigin::Individual, name_zh: "高标准农田亩均建设成本", name_en: "Construction cost per mu of high-standard farmland", unit: "元/亩", direction: Direction::LowerBetter, accumulation: Accumulation::Level, target: 3000.0, baseline: 3100.0, points: 10.0, data_source: "项目竣工决算报告 / Project final accounts", target_text: None },
    IndicatorSpec { key: "grain_output", level2: Level2::Economic, origin: IndicatorOrigin::Individual, name_zh: "粮食总产量", name_en: "Total grain output", unit: "亿斤", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 125.0, baseline: 124.3, points: 10.0, data_source: "省统计局农业统计 / Provincial agricultural statistics", target_text: None },
    IndicatorSpec { key: "rural_income_growth", level2: Level2::Economic, origin: IndicatorOrigin::Individual, name_zh: "农村居民人均可支配收入增长率", name_en: "Growth of rural residents’ per-capita disposable income", unit: "%", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 6.5, baseline: 6.3, points: 10.0, data_source: "国家统计局浙江调查总队 / NBS Zhejiang Survey Office", target_text: None },
    IndicatorSpec { key: "reform_framework", level2: Level2::Sustainability, origin: IndicatorOrigin::Individual, name_zh: "乡村集成改革制度体系建设", name_en: "Institutional framework for integrated rural reform", unit: "", direction: Direction::Qualitative, accumulation: Accumulation::Level, target: 0.0, baseline: 0.0, points: 10.0, data_source: "省农业农村厅发文及评估报告 / Department documents and evaluation report", target_text: Some("出台强村富民乡村集成改革实施方案并完成年度评估; Implementation plan for integrated rural reform issued and annual evaluation completed") },
    IndicatorSpec { key: "farmer_satisfaction", level2: Level2::ServiceRecipients, origin: IndicatorOrigin::Common, name_zh: "农户满意度", name_en: "Farm households’ satisfaction", unit: "%", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 90.0, baseline: 89.1, points: 10.0, data_source: "第三方满意度调查 / Third-party satisfaction survey", target_text: None },
];

static CIVIL_UNITS: &[UnitSpec] = &[
    UnitSpec {
        code: "CIVIL-01",
        name_zh: "浙江省养老服务指导中心",
        name_en: "Zhejiang Elderly Care Service Guidance Center",
    },
    UnitSpec {
        code: "CIVIL-02",
        name_zh: "浙江省救助管理站",
        name_en: "Zhejiang Relief Management Station",
    },
];

static CIVIL_PROJECTS: &[ProjectSpec] = &[
    ProjectSpec { code: "CIVIL-P01", name_zh: "困难群众救助补助资金", name_en: "Subsidies for assistance to people in hardship", amount_wan: 110000, unit: None, pays_for: &["assistance_recipients", "assistance_review_days", "subsistence_standard"] },
    ProjectSpec { code: "CIVIL-P02", name_zh: "养老服务体系建设资金", name_en: "Elderly care service system construction fund", amount_wan: 45000, unit: Some(0), pays_for: &["meal_points", "nursing_beds", "nursing_bed_share", "elderly_care_list"] },
    ProjectSpec { code: "CIVIL-P03", name_zh: "困难残疾人生活补贴和重度残疾人护理补贴", name_en: "Living allowance for disabled people in hardship and care allowance for the severely disabled", amount_wan: 28000, unit: None, pays_for: &["disability_allowance"] },
    ProjectSpec { code: "CIVIL-P04", name_zh: "流浪乞讨人员救助经费", name_en: "Relief for homeless people and beggars", amount_wan: 2500, unit: Some(1), pays_for: &["relief_person_times"] },
];

static CIVIL_INDICATORS: &[IndicatorSpec] = &[
    IndicatorSpec { key: "meal_points", level2: Level2::Quantity, origin: IndicatorOrigin::KeyWork, name_zh: "新增老年助餐服务配送餐点", name_en: "New meal assistance service points for older people", unit: "个", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 2000.0, baseline: 1850.0, points: 10.0, data_source: "浙里康养平台 / Zhejiang elderly care platform", target_text: None },
    IndicatorSpec { key: "nursing_beds", level2: Level2::Quantity, origin: IndicatorOrigin::Individual, name_zh: "新增护理型养老床位", name_en: "New nursing-type elderly care beds", unit: "张", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 5000.0, baseline: 4600.0, points: 10.0, data_source: "省养老服务统计 / Elderly care statistics", target_text: None },
    IndicatorSpec { key: "assistance_recipients", level2: Level2::Quantity, origin: IndicatorOrigin::Individual, name_zh: "城乡低保和特困人员救助人数", name_en: "People receiving subsistence allowance or extreme-poverty support", unit: "万人", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 65.0, baseline: 63.5, points: 8.0, data_source: "浙江省大救助信息系统 / Zhejiang social assistance information system", target_text: None },
    IndicatorSpec { key: "disability_allowance", level2: Level2::Quantity, origin: IndicatorOrigin::Individual, name_zh: "残疾人两项补贴发放人次", name_en: "Person-times of the two disability allowances paid", unit: "万人次", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 1200.0, baseline: 1165.0, points: 7.0, data_source: "残疾人两项补贴信息系统 / Disability allowance information system", target_text: None },
    IndicatorSpec { key: "relief_person_times", level2: Level2::Quantity, origin: IndicatorOrigin::Individual, name_zh: "流浪乞讨人员救助人次", name_en: "Person-times of relief for homeless people and beggars", unit: "人次", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 30000.0, baseline: 28600.0, points: 5.0, data_source: "全国救助管理信息系统 / National relief management information system", target_text: None },
    IndicatorSpec { key: "assistance_review_days", level2: Level2::Timeliness, origin: IndicatorOrigin::Individual, name_zh: "社会救助审核确认平均时限", name_en: "Average time to review and confirm social assistance applications", unit: "天", direction: Direction::LowerBetter, accumulation: Accumulation::Level, target: 10.0, baseline: 12.0, points: 10.0, data_source: "浙江省大救助信息系统 / Zhejiang social assistance information system", target_text: None },
    IndicatorSpec { key: "subsistence_standard", level2: Level2::Social, origin: IndicatorOrigin::Individual, name_zh: "城乡低保平均标准", name_en: "Average urban-rural subsistence allowance standard", unit: "元/月", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 1200.0, baseline: 1120.0, points: 10.0, data_source: "省民政厅统计季报 / Civil affairs quarterly statistics", target_text: None },
    IndicatorSpec { key: "nursing_bed_share", level2: Level2::Social, origin: IndicatorOrigin::Individual, name_zh: "养老机构护理型床位占比", name_en: "Share of nursing-type beds in elderly care institutions", unit: "%", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 60.0, baseline: 58.0, points: 10.0, data_source: "省养老服务统计 / Elderly care statistics", target_text: None },
    IndicatorSpec { key: "elderly_care_list", level2: Level2::Sustainability, origin: IndicatorOrigin::Individual, name_zh: "基本养老服务清单制度", name_en: "Basic elderly care service list system", unit: "", direction: Direction::Qualitative, accumulation: Accumulation::Level, target: 0.0, baseline: 0.0, points: 10.0, data_source: "省民政厅发文 / Department documents", target_text: Some("出台基本养老服务清单并在全省统一实施; Basic elderly care service list issued and implemented uniformly across the province") },
    IndicatorSpec { key: "recipient_satisfaction", level2: Level2::ServiceRecipients, origin: IndicatorOrigin::Common, name_zh: "救助对象满意度", name_en: "Satisfaction of assistance recipients", unit: "%", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 92.0, baseline: 91.3, points: 10.0, data_source: "第三方满意度调查 / Third-party satisfaction survey", target_text: None },
];

static WATER_UNITS: &[UnitSpec] = &[
    UnitSpec {
        code: "WATER-01",
        name_zh: "浙江省水文管理中心",
        name_en: "Zhejiang Hydrology Management Center",
    },
    UnitSpec {
        code: "WATER-02",
        name_zh: "浙江省钱塘江流域中心",
        name_en: "Zhejiang Qiantang River Basin Center",
    },
    UnitSpec {
        code: "WATER-03",
        name_zh: "浙江省水利河口研究院",
        name_en: "Zhejiang Institute of Hydraulics and Estuary",
    },
];

static WATER_PROJECTS: &[ProjectSpec] = &[
    ProjectSpec {
        code: "WATER-P01",
        name_zh: "海塘安澜工程补助资金",
        name_en: "Seawall safety (Haitang Anlan) project subsidies",
        amount_wan: 90000,
        unit: Some(1),
        pays_for: &["seawall_km", "works_quality", "dam_dike_failures"],
    },
    ProjectSpec {
        code: "WATER-P02",
        name_zh: "中小河流综合治理资金",
        name_en: "Small and medium river improvement fund",
        amount_wan: 48000,
        unit: None,
        pays_for: &["river_km", "flood_works_completion"],
    },
    ProjectSpec {
        code: "WATER-P03",
        name_zh: "农村饮用水达标提标资金",
        name_en: "Rural drinking water upgrading fund",
        amount_wan: 30000,
        unit: None,
        pays_for: &["rural_water_beneficiaries", "rural_tap_water"],
    },
    ProjectSpec {
        code: "WATER-P04",
        name_zh: "水文监测站网建设经费",
        name_en: "Hydrological monitoring network construction fund",
        amount_wan: 7000,
        unit: Some(0),
        pays_for: &["hydro_stations"],
    },
];

static WATER_INDICATORS: &[IndicatorSpec] = &[
    IndicatorSpec {
        key: "seawall_km",
        level2: Level2::Quantity,
        origin: IndicatorOrigin::KeyWork,
        name_zh: "海塘安澜工程完成提标加固长度",
        name_en: "Seawalls upgraded and reinforced under the seawall safety project",
        unit: "公里",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 150.0,
        baseline: 140.0,
        points: 12.0,
        data_source: "省水利建设管理系统 / Water project construction management system",
        target_text: None,
    },
    IndicatorSpec {
        key: "river_km",
        level2: Level2::Quantity,
        origin: IndicatorOrigin::Individual,
        name_zh: "中小河流综合治理长度",
        name_en: "Small and medium rivers comprehensively improved",
        unit: "公里",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 400.0,
        baseline: 380.0,
        points: 10.0,
        data_source: "省水利建设管理系统 / Water project construction management system",
        target_text: None,
    },
    IndicatorSpec {
        key: "rural_water_beneficiaries",
        level2: Level2::Quantity,
        origin: IndicatorOrigin::Individual,
        name_zh: "农村饮用水提标受益人口",
        name_en: "Rural population benefiting from upgraded drinking water",
        unit: "万人",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 60.0,
        baseline: 55.0,
        points: 8.0,
        data_source: "农村供水管理平台 / Rural water supply management platform",
        target_text: None,
    },
    IndicatorSpec {
        key: "hydro_stations",
        level2: Level2::Quantity,
        origin: IndicatorOrigin::Individual,
        name_zh: "新建改造水文测站",
        name_en: "Hydrological stations built or upgraded",
        unit: "个",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 200.0,
        baseline: 180.0,
        points: 6.0,
        data_source: "省水文管理中心建设台账 / Hydrology center construction ledger",
        target_text: None,
    },
    IndicatorSpec {
        key: "works_quality",
        level2: Level2::Quality,
        origin: IndicatorOrigin::Individual,
        name_zh: "水利工程质量抽检合格率",
        name_en: "Pass rate of water project quality spot checks",
        unit: "%",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 98.0,
        baseline: 97.6,
        points: 7.0,
        data_source: "水利工程质量监督报告 / Water works quality supervision report",
        target_text: None,
    },
    IndicatorSpec {
        key: "flood_works_completion",
        level2: Level2::Timeliness,
        origin: IndicatorOrigin::Individual,
        name_zh: "主汛期前度汛工程完工率",
        name_en: "Completion rate of flood-season works before the main flood season",
        unit: "%",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 100.0,
        baseline: 96.0,
        points: 7.0,
        data_source: "省防汛防台抗旱指挥部办公室 / Flood control headquarters office",
        target_text: None,
    },
    IndicatorSpec {
        key: "rural_tap_water",
        level2: Level2::Social,
        origin: IndicatorOrigin::Individual,
        name_zh: "农村自来水普及率",
        name_en: "Rural tap water coverage",
        unit: "%",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 99.6,
        baseline: 99.3,
        points: 10.0,
        data_source: "省水利统计年报 / Water resources statistics yearbook",
        target_text: None,
    },
    IndicatorSpec {
        key: "dam_dike_failures",
        level2: Level2::Social,
        origin: IndicatorOrigin::Individual,
        name_zh: "水库垮坝和重要堤防决口事故",
        name_en: "Reservoir dam failures and breaches of major dikes",
        unit: "起",
        direction: Direction::ZeroTarget,
        accumulation: Accumulation::Cumulative,
        target: 0.0,
        baseline: 0.0,
        points: 10.0,
        data_source: "省水旱灾害防御报告 / Flood and drought disaster defence report",
        target_text: None,
    },
    IndicatorSpec {
        key: "water_per_gdp",
        level2: Level2::Ecological,
        origin: IndicatorOrigin::Individual,
        name_zh: "万元GDP用水量",
        name_en: "Water use per 10,000 yuan of GDP",
        unit: "立方米",
        direction: Direction::LowerBetter,
        accumulation: Accumulation::Level,
        target: 21.0,
        baseline: 22.1,
        points: 10.0,
        data_source: "省水资源公报 / Provincial water resources bulletin",
        target_text: None,
    },
    IndicatorSpec {
        key: "public_satisfaction",
        level2: Level2::ServiceRecipients,
        origin: IndicatorOrigin::Common,
        name_zh: "群众对水利工程建设满意度",
        name_en: "Public satisfaction with water projects",
        unit: "%",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 90.0,
        baseline: 89.0,
        points: 10.0,
        data_source: "第三方满意度调查 / Third-party satisfaction survey",
        target_text: None,
    },
];

static SCITECH_UNITS: &[UnitSpec] = &[
    UnitSpec {
        code: "SCITECH-01",
        name_zh: "浙江省科技项目管理服务中心",
        name_en: "Zhejiang Science and Technology Project Management Service Center",
    },
    UnitSpec {
        code: "SCITECH-02",
        name_zh: "浙江省科技信息研究院",
        name_en: "Zhejiang Institute of Science and Technology Information",
    },
];

static SCITECH_PROJECTS: &[ProjectSpec] = &[
    ProjectSpec {
        code: "SCITECH-P01",
        name_zh: "“尖兵”“领雁”研发攻关计划",
        name_en: "“Pioneer” and “Leading Goose” R&D programmes",
        amount_wan: 120000,
        unit: Some(0),
        pays_for: &[
            "key_rd_projects",
            "project_approval_days",
            "landmark_results",
        ],
    },
    ProjectSpec {
        code: "SCITECH-P02",
        name_zh: "高新技术企业培育资金",
        name_en: "High-tech enterprise cultivation fund",
        amount_wan: 30000,
        unit: None,
        pays_for: &["new_hte", "rd_intensity"],
    },
    ProjectSpec {
        code: "SCITECH-P03",
        name_zh: "科技创新券补助资金",
        name_en: "Innovation voucher subsidies",
        amount_wan: 6000,
        unit: Some(1),
        pays_for: &["voucher_firms", "tech_transactions"],
    },
    ProjectSpec {
        code: "SCITECH-P04",
        name_zh: "省重点实验室和技术创新中心建设经费",
        name_en: "Provincial key laboratories and technology innovation centres fund",
        amount_wan: 70000,
        unit: None,
        pays_for: &["new_key_labs", "acceptance_pass_rate"],
    },
];

static SCITECH_INDICATORS: &[IndicatorSpec] = &[
    IndicatorSpec { key: "key_rd_projects", level2: Level2::Quantity, origin: IndicatorOrigin::Individual, name_zh: "立项省级重点研发计划项目", name_en: "Provincial key R&D programme projects approved", unit: "项", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 400.0, baseline: 380.0, points: 10.0, data_source: "省科技项目管理系统 / S&T project management system", target_text: None },
    IndicatorSpec { key: "new_hte", level2: Level2::Quantity, origin: IndicatorOrigin::KeyWork, name_zh: "新认定高新技术企业", name_en: "Newly certified high-tech enterprises", unit: "家", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 7000.0, baseline: 6500.0, points: 12.0, data_source: "高新技术企业认定管理系统 / High-tech enterprise certification system", target_text: None },
    IndicatorSpec { key: "voucher_firms", level2: Level2::Quantity, origin: IndicatorOrigin::Individual, name_zh: "创新券服务企业数", name_en: "Enterprises served by innovation vouchers", unit: "家", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 15000.0, baseline: 14000.0, points: 8.0, data_source: "浙江科技大脑创新券平台 / Innovation voucher platform", target_text: None },
    IndicatorSpec { key: "new_key_labs", level2: Level2::Quantity, origin: IndicatorOrigin::Individual, name_zh: "新建省重点实验室", name_en: "New provincial key laboratories", unit: "个", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 20.0, baseline: 18.0, points: 8.0, data_source: "省科技厅批复文件 / Department approval documents", target_text: None },
    IndicatorSpec { key: "project_approval_days", level2: Level2::Timeliness, origin: IndicatorOrigin::Individual, name_zh: "科技项目立项平均审批时限", name_en: "Average approval time for S&T projects", unit: "天", direction: Direction::LowerBetter, accumulation: Accumulation::Level, target: 60.0, baseline: 66.0, points: 7.0, data_source: "省科技项目管理系统 / S&T project management system", target_text: None },
    IndicatorSpec { key: "acceptance_pass_rate", level2: Level2::Quality, origin: IndicatorOrigin::Individual, name_zh: "到期项目验收通过率", name_en: "Acceptance pass rate of projects due for completion", unit: "%", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 95.0, baseline: 94.0, points: 5.0, data_source: "省科技项目管理系统 / S&T project management system", target_text: None },
    IndicatorSpec { key: "rd_intensity", level2: Level2::Economic, origin: IndicatorOrigin::Individual, name_zh: "R&D经费投入强度", name_en: "R&D expenditure as a share of GDP", unit: "%", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 3.2, baseline: 3.15, points: 10.0, data_source: "省统计局科技经费统计公报 / R&D expenditure bulletin", target_text: None },
    IndicatorSpec { key: "landmark_results", level2: Level2::Economic, origin: IndicatorOrigin::Individual, name_zh: "取得重大标志性成果", name_en: "Major landmark results achieved", unit: "项", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 50.0, baseline: 45.0, points: 10.0, data_source: "省科技厅成果登记 / S&T achievements register", target_text: None },
    IndicatorSpec { key: "tech_transactions", level2: Level2::Economic, origin: IndicatorOrigin::Individual, name_zh: "技术交易额", name_en: "Value of technology transactions", unit: "亿元", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 2500.0, baseline: 2300.0, points: 5.0, data_source: "浙江科技大市场 / Zhejiang technology market", target_text: None },
    IndicatorSpec { key: "commercialisation_reform", level2: Level2::Sustainability, origin: IndicatorOrigin::Individual, name_zh: "科技成果转化制度改革", name_en: "Reform of the system for commercialising S&T results", unit: "", direction: Direction::Qualitative, accumulation: Accumulation::Level, target: 0.0, baseline: 0.0, points: 5.0, data_source: "省科技厅发文及试点评估报告 / Department documents and pilot evaluation", target_text: Some("出台职务科技成果赋权改革实施办法并完成试点评估; Measures granting rights over employee inventions issued and pilot evaluation completed") },
    IndicatorSpec { key: "enterprise_satisfaction", level2: Level2::ServiceRecipients, origin: IndicatorOrigin::Common, name_zh: "科技企业满意度", name_en: "Satisfaction of technology enterprises", unit: "%", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 90.0, baseline: 88.0, points: 10.0, data_source: "第三方满意度调查 / Third-party satisfaction survey", target_text: None },
];

static CULTOUR_UNITS: &[UnitSpec] = &[
    UnitSpec {
        code: "CULTOUR-01",
        name_zh: "浙江图书馆",
        name_en: "Zhejiang Library",
    },
    UnitSpec {
        code: "CULTOUR-02",
        name_zh: "浙江省博物馆",
        name_en: "Zhejiang Provincial Museum",
    },
    UnitSpec {
        code: "CULTOUR-03",
        name_zh: "浙江省非物质文化遗产保护中心",
        name_en: "Zhejiang Intangible Cultural Heritage Protection Center",
    },
];

static CULTOUR_PROJECTS: &[ProjectSpec] = &[
    ProjectSpec {
        code: "CULTOUR-P01",
        name_zh: "公共文化服务体系建设资金",
        name_en: "Public cultural service system construction fund",
        amount_wan: 26000,
        unit: None,
        pays_for: &[
            "culture_circles",
            "outreach_events",
            "outreach_event_cost",
            "library_visits_per_capita",
        ],
    },
    ProjectSpec {
        code: "CULTOUR-P02",
        name_zh: "文化和旅游融合发展资金",
        name_en: "Culture and tourism integration development fund",
        amount_wan: 22000,
        unit: None,
        pays_for: &["outreach_events", "tourism_revenue"],
    },
    ProjectSpec {
        code: "CULTOUR-P03",
        name_zh: "省级公共文化场馆免费开放补助",
        name_en: "Free-admission subsidies for provincial public cultural venues",
        amount_wan: 5000,
        unit: Some(0),
        pays_for: &["venue_visitors", "venue_safety_accidents"],
    },
    ProjectSpec {
        code: "CULTOUR-P04",
        name_zh: "非物质文化遗产保护传承经费",
        name_en: "Intangible cultural heritage protection and transmission fund",
        amount_wan: 3500,
        unit: Some(2),
        pays_for: &["ich_training", "ich_system"],
    },
];

static CULTOUR_INDICATORS: &[IndicatorSpec] = &[
    IndicatorSpec { key: "culture_circles", level2: Level2::Quantity, origin: IndicatorOrigin::KeyWork, name_zh: "新建城乡“15分钟品质文化生活圈”", name_en: "New urban and rural “15-minute quality cultural life circles”", unit: "个", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 1000.0, baseline: 920.0, points: 10.0, data_source: "省文化和旅游厅建设台账 / Department construction ledger", target_text: None },
    IndicatorSpec { key: "outreach_events", level2: Level2::Quantity, origin: IndicatorOrigin::Individual, name_zh: "“文化进万家”活动场次", name_en: "Events under “Culture into Ten Thousand Homes”", unit: "场", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 20000.0, baseline: 18500.0, points: 10.0, data_source: "浙里文化圈平台 / Zhejiang cultural services platform", target_text: None },
    IndicatorSpec { key: "venue_visitors", level2: Level2::Quantity, origin: IndicatorOrigin::Individual, name_zh: "省级公共文化场馆接待人次", name_en: "Visitors to provincial public cultural venues", unit: "万人次", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 1200.0, baseline: 1100.0, points: 10.0, data_source: "场馆客流统计系统 / Venue visitor counting system", target_text: None },
    IndicatorSpec { key: "ich_training", level2: Level2::Quantity, origin: IndicatorOrigin::Individual, name_zh: "非遗传承人培训人次", name_en: "Person-times of training for ICH inheritors", unit: "人次", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 3000.0, baseline: 2700.0, points: 8.0, data_source: "省非遗保护中心培训台账 / ICH center training ledger", target_text: None },
    IndicatorSpec { key: "venue_safety_accidents", level2: Level2::Quality, origin: IndicatorOrigin::Individual, name_zh: "文物和场馆重大安全事故", name_en: "Major safety accidents at heritage sites and venues", unit: "起", direction: Direction::ZeroTarget, accumulation: Accumulation::Cumulative, target: 0.0, baseline: 0.0, points: 7.0, data_source: "省文物安全监管平台 / Heritage safety supervision platform", target_text: None },
    IndicatorSpec { key: "outreach_event_cost", level2: Level2::Cost, origin: IndicatorOrigin::Individual, name_zh: "文化惠民活动场均成本", name_en: "Average cost per cultural outreach event", unit: "万元/场", direction: Direction::LowerBetter, accumulation: Accumulation::Level, target: 1.2, baseline: 1.3, points: 5.0, data_source: "项目支出明细账 / Project expenditure ledger", target_text: None },
    IndicatorSpec { key: "tourism_revenue", level2: Level2::Economic, origin: IndicatorOrigin::Individual, name_zh: "旅游业总收入", name_en: "Total tourism revenue", unit: "亿元", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 12000.0, baseline: 11200.0, points: 10.0, data_source: "省文化和旅游统计公报 / Culture and tourism statistics bulletin", target_text: None },
    IndicatorSpec { key: "library_visits_per_capita", level2: Level2::Social, origin: IndicatorOrigin::Individual, name_zh: "公共图书馆人均年到馆次数", name_en: "Annual public library visits per capita", unit: "次", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 1.6, baseline: 1.5, points: 10.0, data_source: "全国公共图书馆统计年报 / Public library statistics", target_text: None },
    IndicatorSpec { key: "ich_system", level2: Level2::Sustainability, origin: IndicatorOrigin::Individual, name_zh: "非遗代表性项目保护评估体系", name_en: "Evaluation system for representative ICH items", unit: "", direction: Direction::Qualitative, accumulation: Accumulation::Level, target: 0.0, baseline: 0.0, points: 10.0, data_source: "省文化和旅游厅发文 / Department documents", target_text: Some("完成省级非遗代表性项目保护评估并发布评估结果; Protection evaluation of provincial representative ICH items completed and results published") },
    IndicatorSpec { key: "public_satisfaction", level2: Level2::ServiceRecipients, origin: IndicatorOrigin::Common, name_zh: "群众公共文化服务满意度", name_en: "Public satisfaction with public cultural services", unit: "%", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 92.0, baseline: 91.0, points: 10.0, data_source: "第三方满意度调查 / Third-party satisfaction survey", target_text: None },
];

static HRSS_UNITS: &[UnitSpec] = &[
    UnitSpec {
        code: "HRSS-01",
        name_zh: "浙江省社会保险和就业服务中心",
        name_en: "Zhejiang Social Insurance and Employment Service Center",
    },
    UnitSpec {
        code: "HRSS-02",
        name_zh: "浙江省人事考试院",
        name_en: "Zhejiang Personnel Examination Authority",
    },
    UnitSpec {
        code: "HRSS-03",
        name_zh: "浙江省职业技能鉴定中心",
        name_en: "Zhejiang Vocational Skills Testing Center",
    },
];

static HRSS_PROJECTS: &[ProjectSpec] = &[
    ProjectSpec {
        code: "HRSS-P01",
        name_zh: "就业补助资金",
        name_en: "Employment subsidy fund",
        amount_wan: 65000,
        unit: Some(0),
        pays_for: &[
            "new_urban_jobs",
            "subsidy_processing_days",
            "unemployment_rate",
        ],
    },
    ProjectSpec {
        code: "HRSS-P02",
        name_zh: "职业技能提升行动资金",
        name_en: "Vocational skills upgrading action fund",
        amount_wan: 38000,
        unit: Some(2),
        pays_for: &["skills_training", "new_high_skilled"],
    },
    ProjectSpec {
        code: "HRSS-P03",
        name_zh: "人事考试组织经费",
        name_en: "Personnel examination administration fund",
        amount_wan: 4500,
        unit: Some(1),
        pays_for: &["exam_incidents"],
    },
];

static HRSS_INDICATORS: &[IndicatorSpec] = &[
    IndicatorSpec { key: "new_urban_jobs", level2: Level2::Quantity, origin: IndicatorOrigin::KeyWork, name_zh: "城镇新增就业", name_en: "New urban jobs", unit: "万人", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 100.0, baseline: 102.0, points: 12.0, data_source: "省就业管理信息系统 / Employment management information system", target_text: None },
    IndicatorSpec { key: "skills_training", level2: Level2::Quantity, origin: IndicatorOrigin::Individual, name_zh: "补贴性职业技能培训", name_en: "Subsidised vocational skills training", unit: "万人次", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 100.0, baseline: 95.0, points: 10.0, data_source: "职业技能培训管理平台 / Skills training management platform", target_text: None },
    IndicatorSpec { key: "new_high_skilled", level2: Level2::Quantity, origin: IndicatorOrigin::Individual, name_zh: "新增高技能人才", name_en: "New highly skilled workers", unit: "万人", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 35.0, baseline: 32.0, points: 10.0, data_source: "技能人才评价信息系统 / Skills evaluation information system", target_text: None },
    IndicatorSpec { key: "exam_incidents", level2: Level2::Quality, origin: IndicatorOrigin::Individual, name_zh: "人事考试重大安全责任事故", name_en: "Major security incidents in personnel examinations", unit: "起", direction: Direction::ZeroTarget, accumulation: Accumulation::Cumulative, target: 0.0, baseline: 0.0, points: 8.0, data_source: "省人事考试院考务报告 / Examination Authority report", target_text: None },
    IndicatorSpec { key: "subsidy_processing_days", level2: Level2::Timeliness, origin: IndicatorOrigin::Individual, name_zh: "就业补贴平均办理时限", name_en: "Average processing time for employment subsidies", unit: "天", direction: Direction::LowerBetter, accumulation: Accumulation::Level, target: 5.0, baseline: 6.0, points: 10.0, data_source: "浙江人社一体化平台 / HRSS integrated platform", target_text: None },
    IndicatorSpec { key: "unemployment_rate", level2: Level2::Social, origin: IndicatorOrigin::Individual, name_zh: "城镇调查失业率", name_en: "Urban surveyed unemployment rate", unit: "%", direction: Direction::LowerBetter, accumulation: Accumulation::Level, target: 5.0, baseline: 4.6, points: 10.0, data_source: "国家统计局浙江调查总队 / NBS Zhejiang Survey Office", target_text: None },
    IndicatorSpec { key: "pension_coverage", level2: Level2::Social, origin: IndicatorOrigin::Individual, name_zh: "基本养老保险参保率", name_en: "Basic pension insurance coverage rate", unit: "%", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 96.0, baseline: 95.4, points: 10.0, data_source: "社会保险信息系统 / Social insurance information system", target_text: None },
    IndicatorSpec { key: "wage_arrears_mechanism", level2: Level2::Sustainability, origin: IndicatorOrigin::Individual, name_zh: "根治欠薪长效机制", name_en: "Long-term mechanism for eradicating wage arrears", unit: "", direction: Direction::Qualitative, accumulation: Accumulation::Level, target: 0.0, baseline: 0.0, points: 10.0, data_source: "省根治欠薪工作考核结果 / Wage arrears assessment result", target_text: Some("实现欠薪问题动态清零并通过省级考核; Wage arrears cleared on a rolling basis and the provincial assessment passed") },
    IndicatorSpec { key: "service_satisfaction", level2: Level2::ServiceRecipients, origin: IndicatorOrigin::Common, name_zh: "人社服务对象满意度", name_en: "Satisfaction with human resources and social security services", unit: "%", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 92.0, baseline: 90.8, points: 10.0, data_source: "第三方满意度调查 / Third-party satisfaction survey", target_text: None },
];

static HOUSING_UNITS: &[UnitSpec] = &[
    UnitSpec {
        code: "HOUSING-01",
        name_zh: "浙江省建设工程造价管理总站",
        name_en: "Zhejiang Construction Cost Management Station",
    },
    UnitSpec {
        code: "HOUSING-02",
        name_zh: "浙江省城乡规划设计研究院",
        name_en: "Zhejiang Urban and Rural Planning Design Institute",
    },
];

static HOUSING_PROJECTS: &[ProjectSpec] = &[
    ProjectSpec {
        code: "HOUSING-P01",
        name_zh: "城镇老旧小区改造补助资金",
        name_en: "Old urban residential community renovation subsidies",
        amount_wan: 60000,
        unit: None,
        pays_for: &["old_communities", "households_benefiting"],
    },
    ProjectSpec {
        code: "HOUSING-P02",
        name_zh: "保障性租赁住房建设补助资金",
        name_en: "Affordable rental housing construction subsidies",
        amount_wan: 50000,
        unit: None,
        pays_for: &["rental_units"],
    },
    ProjectSpec {
        code: "HOUSING-P03",
        name_zh: "农村困难群众危房改造补助资金",
        name_en: "Dilapidated rural housing renovation subsidies for families in hardship",
        amount_wan: 12000,
        unit: None,
        pays_for: &["rural_houses"],
    },
    ProjectSpec {
        code: "HOUSING-P04",
        name_zh: "建设工程质量安全监管与审批改革经费",
        name_en: "Construction quality and safety supervision and approval reform fund",
        amount_wan: 2500,
        unit: Some(0),
        pays_for: &["acceptance_pass_rate", "approval_days", "waste_recycling"],
    },
];

static HOUSING_INDICATORS: &[IndicatorSpec] = &[
    IndicatorSpec {
        key: "old_communities",
        level2: Level2::Quantity,
        origin: IndicatorOrigin::KeyWork,
        name_zh: "城镇老旧小区改造开工个数",
        name_en: "Old urban residential communities where renovation started",
        unit: "个",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 600.0,
        baseline: 560.0,
        points: 12.0,
        data_source: "全国城镇老旧小区改造信息系统 / National old community renovation system",
        target_text: None,
    },
    IndicatorSpec {
        key: "rental_units",
        level2: Level2::Quantity,
        origin: IndicatorOrigin::Individual,
        name_zh: "筹集建设保障性租赁住房",
        name_en: "Affordable rental housing units raised or built",
        unit: "万套",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 12.0,
        baseline: 11.0,
        points: 10.0,
        data_source: "省住房保障管理系统 / Housing security management system",
        target_text: None,
    },
    IndicatorSpec {
        key: "rural_houses",
        level2: Level2::Quantity,
        origin: IndicatorOrigin::Individual,
        name_zh: "农村困难群众危房改造户数",
        name_en: "Dilapidated rural houses of families in hardship renovated",
        unit: "户",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 3000.0,
        baseline: 2800.0,
        points: 8.0,
        data_source: "农村危房改造信息系统 / Rural dilapidated housing information system",
        target_text: None,
    },
    IndicatorSpec {
        key: "acceptance_pass_rate",
        level2: Level2::Quality,
        origin: IndicatorOrigin::Individual,
        name_zh: "房屋建筑工程竣工验收一次合格率",
        name_en: "First-time pass rate at completion acceptance of building works",
        unit: "%",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 98.0,
        baseline: 97.5,
        points: 10.0,
        data_source: "工程质量监督报告 / Construction quality supervision report",
        target_text: None,
    },
    IndicatorSpec {
        key: "approval_days",
        level2: Level2::Timeliness,
        origin: IndicatorOrigin::Individual,
        name_zh: "工程建设项目审批平均用时",
        name_en: "Average approval time for construction projects",
        unit: "天",
        direction: Direction::LowerBetter,
        accumulation: Accumulation::Level,
        target: 40.0,
        baseline: 45.0,
        points: 10.0,
        data_source: "工程建设项目审批管理系统 / Construction project approval system",
        target_text: None,
    },
    IndicatorSpec {
        key: "households_benefiting",
        level2: Level2::Social,
        origin: IndicatorOrigin::Individual,
        name_zh: "老旧小区改造惠及居民户数",
        name_en: "Households benefiting from old community renovation",
        unit: "万户",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 20.0,
        baseline: 18.5,
        points: 10.0,
        data_source: "全国城镇老旧小区改造信息系统 / National old community renovation system",
        target_text: None,
    },
    IndicatorSpec {
        key: "green_building_share",
        level2: Level2::Ecological,
        origin: IndicatorOrigin::Individual,
        name_zh: "城镇新建建筑中星级绿色建筑占比",
        name_en: "Share of star-rated green buildings in new urban buildings",
        unit: "%",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 40.0,
        baseline: 35.0,
        points: 10.0,
        data_source: "省建筑节能与绿色建筑统计 / Green building statistics",
        target_text: None,
    },
    IndicatorSpec {
        key: "waste_recycling",
        level2: Level2::Ecological,
        origin: IndicatorOrigin::Individual,
        name_zh: "城镇生活垃圾回收利用率",
        name_en: "Recycling rate of urban household waste",
        unit: "%",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 65.0,
        baseline: 63.0,
        points: 10.0,
        data_source: "省生活垃圾分类管理平台 / Waste sorting management platform",
        target_text: None,
    },
    IndicatorSpec {
        key: "resident_satisfaction",
        level2: Level2::ServiceRecipients,
        origin: IndicatorOrigin::Common,
        name_zh: "改造小区居民满意度",
        name_en: "Satisfaction of residents in renovated communities",
        unit: "%",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 90.0,
        baseline: 88.5,
        points: 10.0,
        data_source: "第三方满意度调查 / Third-party satisfaction survey",
        target_text: None,
    },
];

static EMERG_UNITS: &[UnitSpec] = &[
    UnitSpec {
        code: "EMERG-01",
        name_zh: "浙江省应急管理科学研究院",
        name_en: "Zhejiang Academy of Emergency Management Science",
    },
    UnitSpec {
        code: "EMERG-02",
        name_zh: "浙江省应急物资储备中心",
        name_en: "Zhejiang Emergency Supplies Reserve Center",
    },
];

static EMERG_PROJECTS: &[ProjectSpec] = &[
    ProjectSpec {
        code: "EMERG-P01",
        name_zh: "安全生产专项整治资金",
        name_en: "Work safety special campaign fund",
        amount_wan: 15000,
        unit: None,
        pays_for: &["hazard_rectification", "major_accidents", "deaths_per_gdp"],
    },
    ProjectSpec {
        code: "EMERG-P02",
        name_zh: "防灾减灾救灾补助资金",
        name_en: "Disaster prevention, reduction and relief subsidies",
        amount_wan: 28000,
        unit: None,
        pays_for: &["demo_communities", "disaster_loss_ratio", "emergency_plans"],
    },
    ProjectSpec {
        code: "EMERG-P03",
        name_zh: "应急物资储备经费",
        name_en: "Emergency supplies reserve fund",
        amount_wan: 9000,
        unit: Some(1),
        pays_for: &["relief_supplies", "supplies_arrival_hours"],
    },
    ProjectSpec {
        code: "EMERG-P04",
        name_zh: "应急救援队伍能力建设资金",
        name_en: "Emergency rescue team capacity building fund",
        amount_wan: 8000,
        unit: Some(0),
        pays_for: &["rescue_drills"],
    },
];

static EMERG_INDICATORS: &[IndicatorSpec] = &[
    IndicatorSpec { key: "hazard_rectification", level2: Level2::Quality, origin: IndicatorOrigin::Individual, name_zh: "重大事故隐患整改率", name_en: "Rectification rate of major accident hazards", unit: "%", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 100.0, baseline: 98.6, points: 10.0, data_source: "安全生产风险普查和隐患排查系统 / Hazard investigation system", target_text: None },
    IndicatorSpec { key: "demo_communities", level2: Level2::Quantity, origin: IndicatorOrigin::KeyWork, name_zh: "新创建全国综合减灾示范社区", name_en: "New national comprehensive disaster reduction demonstration communities", unit: "个", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 100.0, baseline: 92.0, points: 10.0, data_source: "应急管理部命名文件 / Ministry of Emergency Management designation", target_text: None },
    IndicatorSpec { key: "relief_supplies", level2: Level2::Quantity, origin: IndicatorOrigin::Individual, name_zh: "省级救灾物资储备规模", name_en: "Provincial disaster relief supplies in reserve", unit: "万件", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 120.0, baseline: 110.0, points: 8.0, data_source: "省应急物资储备中心库存台账 / Reserve center inventory", target_text: None },
    IndicatorSpec { key: "rescue_drills", level2: Level2::Quantity, origin: IndicatorOrigin::Individual, name_zh: "应急救援演练场次", name_en: "Emergency rescue drills held", unit: "场", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 500.0, baseline: 460.0, points: 7.0, data_source: "应急演练备案系统 / Drill registration system", target_text: None },
    IndicatorSpec { key: "supplies_arrival_hours", level2: Level2::Timeliness, origin: IndicatorOrigin::Individual, name_zh: "救灾物资调运平均到达时间", name_en: "Average arrival time of disaster relief supplies", unit: "小时", direction: Direction::LowerBetter, accumulation: Accumulation::Level, target: 12.0, baseline: 14.0, points: 10.0, data_source: "应急物资调度平台 / Supplies dispatch platform", target_text: None },
    IndicatorSpec { key: "major_accidents", level2: Level2::Quality, origin: IndicatorOrigin::Individual, name_zh: "重特大生产安全事故", name_en: "Major and extraordinarily serious production safety accidents", unit: "起", direction: Direction::ZeroTarget, accumulation: Accumulation::Cumulative, target: 0.0, baseline: 0.0, points: 5.0, data_source: "生产安全事故统计系统 / Work safety accident statistics", target_text: None },
    IndicatorSpec { key: "deaths_per_gdp", level2: Level2::Social, origin: IndicatorOrigin::Individual, name_zh: "亿元GDP生产安全事故死亡率", name_en: "Work safety accident deaths per 100 million yuan of GDP", unit: "人/亿元", direction: Direction::LowerBetter, accumulation: Accumulation::Level, target: 0.01, baseline: 0.011, points: 10.0, data_source: "生产安全事故统计系统 / Work safety accident statistics", target_text: None },
    IndicatorSpec { key: "disaster_loss_ratio", level2: Level2::Economic, origin: IndicatorOrigin::Individual, name_zh: "自然灾害直接经济损失占GDP比重", name_en: "Direct economic losses from natural disasters as a share of GDP", unit: "%", direction: Direction::LowerBetter, accumulation: Accumulation::Level, target: 0.3, baseline: 0.32, points: 10.0, data_source: "自然灾害灾情统计系统 / Natural disaster statistics", target_text: None },
    IndicatorSpec { key: "emergency_plans", level2: Level2::Sustainability, origin: IndicatorOrigin::Individual, name_zh: "应急预案体系建设", name_en: "Emergency plan system", unit: "", direction: Direction::Qualitative, accumulation: Accumulation::Level, target: 0.0, baseline: 0.0, points: 10.0, data_source: "省应急管理厅发文 / Department documents", target_text: Some("完成省级专项应急预案修订并组织评估; Provincial special emergency plans revised and evaluated") },
    IndicatorSpec { key: "affected_satisfaction", level2: Level2::ServiceRecipients, origin: IndicatorOrigin::Common, name_zh: "受灾群众满意度", name_en: "Satisfaction of disaster-affected residents", unit: "%", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 90.0, baseline: 89.0, points: 10.0, data_source: "第三方满意度调查 / Third-party satisfaction survey", target_text: None },
];

static COMMERCE_UNITS: &[UnitSpec] = &[
    UnitSpec {
        code: "COMMERCE-01",
        name_zh: "浙江省商务研究院",
        name_en: "Zhejiang Academy of Commerce",
    },
    UnitSpec {
        code: "COMMERCE-02",
        name_zh: "浙江省电子商务促进中心",
        name_en: "Zhejiang E-commerce Promotion Center",
    },
];

static COMMERCE_PROJECTS: &[ProjectSpec] = &[
    ProjectSpec {
        code: "COMMERCE-P01",
        name_zh: "外经贸发展专项资金",
        name_en: "Foreign trade and economic cooperation development fund",
        amount_wan: 40000,
        unit: None,
        pays_for: &["overseas_fairs", "fund_payout_days", "goods_exports"],
    },
    ProjectSpec {
        code: "COMMERCE-P02",
        name_zh: "县域商业体系建设资金",
        name_en: "County commercial system construction fund",
        amount_wan: 15000,
        unit: None,
        pays_for: &[
            "township_centres",
            "evaluation_pass_rate",
            "township_coverage",
        ],
    },
    ProjectSpec {
        code: "COMMERCE-P03",
        name_zh: "电子商务发展资金",
        name_en: "E-commerce development fund",
        amount_wan: 8000,
        unit: Some(1),
        pays_for: &["ecommerce_training", "online_retail"],
    },
];

static COMMERCE_INDICATORS: &[IndicatorSpec] = &[
    IndicatorSpec {
        key: "overseas_fairs",
        level2: Level2::Quantity,
        origin: IndicatorOrigin::Individual,
        name_zh: "组织企业参加境外展会",
        name_en: "Overseas trade fairs with organised company participation",
        unit: "个",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 200.0,
        baseline: 185.0,
        points: 10.0,
        data_source: "省商务厅展会备案 / Trade fair registry",
        target_text: None,
    },
    IndicatorSpec {
        key: "township_centres",
        level2: Level2::Quantity,
        origin: IndicatorOrigin::KeyWork,
        name_zh: "新建改造乡镇商贸中心",
        name_en: "Township commercial centres built or upgraded",
        unit: "个",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 100.0,
        baseline: 90.0,
        points: 12.0,
        data_source: "县域商业体系建设台账 / County commerce construction ledger",
        target_text: None,
    },
    IndicatorSpec {
        key: "ecommerce_training",
        level2: Level2::Quantity,
        origin: IndicatorOrigin::Individual,
        name_zh: "农村电商培训人次",
        name_en: "Person-times of rural e-commerce training",
        unit: "人次",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 50000.0,
        baseline: 46000.0,
        points: 8.0,
        data_source: "省电子商务促进中心培训台账 / E-commerce center training ledger",
        target_text: None,
    },
    IndicatorSpec {
        key: "fund_payout_days",
        level2: Level2::Timeliness,
        origin: IndicatorOrigin::Individual,
        name_zh: "专项资金兑付平均时限",
        name_en: "Average time to pay out special funds",
        unit: "天",
        direction: Direction::LowerBetter,
        accumulation: Accumulation::Level,
        target: 30.0,
        baseline: 35.0,
        points: 10.0,
        data_source: "省商务厅资金管理系统 / Fund management system",
        target_text: None,
    },
    IndicatorSpec {
        key: "evaluation_pass_rate",
        level2: Level2::Quality,
        origin: IndicatorOrigin::Individual,
        name_zh: "资金支持项目绩效评价合格率",
        name_en: "Pass rate of performance evaluations of funded projects",
        unit: "%",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 95.0,
        baseline: 93.5,
        points: 10.0,
        data_source: "第三方绩效评价报告 / Third-party performance evaluation",
        target_text: None,
    },
    IndicatorSpec {
        key: "goods_exports",
        level2: Level2::Economic,
        origin: IndicatorOrigin::Individual,
        name_zh: "货物出口额",
        name_en: "Goods exports",
        unit: "亿元",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 38000.0,
        baseline: 36500.0,
        points: 10.0,
        data_source: "杭州海关统计 / Hangzhou Customs statistics",
        target_text: None,
    },
    IndicatorSpec {
        key: "online_retail",
        level2: Level2::Economic,
        origin: IndicatorOrigin::Individual,
        name_zh: "网络零售额",
        name_en: "Online retail sales",
        unit: "亿元",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: 29000.0,
        baseline: 27600.0,
        points: 10.0,
        data_source: "省电子商务统计监测 / E-commerce statistical monitoring",
        target_text: None,
    },
    IndicatorSpec {
        key: "township_coverage",
        level2: Level2::Social,
        origin: IndicatorOrigin::Individual,
        name_zh: "乡镇商贸中心覆盖率",
        name_en: "Coverage of townships by commercial centres",
        unit: "%",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 90.0,
        baseline: 82.0,
        points: 10.0,
        data_source: "县域商业体系建设台账 / County commerce construction ledger",
        target_text: None,
    },
    IndicatorSpec {
        key: "enterprise_satisfaction",
        level2: Level2::ServiceRecipients,
        origin: IndicatorOrigin::Common,
        name_zh: "外贸企业满意度",
        name_en: "Satisfaction of foreign-trade enterprises",
        unit: "%",
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        target: 90.0,
        baseline: 88.3,
        points: 10.0,
        data_source: "第三方满意度调查 / Third-party satisfaction survey",
        target_text: None,
    },
];

static NATRES_UNITS: &[UnitSpec] = &[
    UnitSpec {
        code: "NATRES-01",
        name_zh: "浙江省国土整治中心",
        name_en: "Zhejiang Land Consolidation Center",
    },
    UnitSpec {
        code: "NATRES-02",
        name_zh: "浙江省测绘科学技术研究院",
        name_en: "Zhejiang Academy of Surveying and Mapping",
    },
    UnitSpec {
        code: "NATRES-03",
        name_zh: "浙江省森林资源监测中心",
        name_en: "Zhejiang Forest Resources Monitoring Center",
    },
];

static NATRES_PROJECTS: &[ProjectSpec] = &[
    ProjectSpec {
        code: "NATRES-P01",
        name_zh: "全域土地综合整治与生态修复资金",
        name_en: "Comprehensive land consolidation and ecological restoration fund",
        amount_wan: 60000,
        unit: Some(0),
        pays_for: &["land_projects", "new_farmland"],
    },
    ProjectSpec {
        code: "NATRES-P02",
        name_zh: "国土绿化行动资金",
        name_en: "Land greening action fund",
        amount_wan: 25000,
        unit: Some(2),
        pays_for: &["afforestation", "afforestation_survival", "forest_coverage"],
    },
    ProjectSpec {
        code: "NATRES-P03",
        name_zh: "基础测绘与实景三维浙江建设经费",
        name_en: "Basic surveying and “3D Real-Scene Zhejiang” fund",
        amount_wan: 9000,
        unit: Some(1),
        pays_for: &["realscene_area", "registration_days", "spatial_plans"],
    },
    ProjectSpec {
        code: "NATRES-P04",
        name_zh: "地质灾害防治资金",
        name_en: "Geological hazard prevention and control fund",
        amount_wan: 12000,
        unit: None,
        pays_for: &["hazard_sites", "geo_casualties"],
    },
];

static NATRES_INDICATORS: &[IndicatorSpec] = &[
    IndicatorSpec { key: "afforestation", level2: Level2::Quantity, origin: IndicatorOrigin::KeyWork, name_zh: "完成造林面积", name_en: "Afforestation completed", unit: "万亩", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 20.0, baseline: 18.5, points: 12.0, data_source: "省林业生态建设统计 / Forestry statistics", target_text: None },
    IndicatorSpec { key: "land_projects", level2: Level2::Quantity, origin: IndicatorOrigin::Individual, name_zh: "实施全域土地综合整治项目", name_en: "Comprehensive land consolidation projects under way", unit: "个", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 100.0, baseline: 92.0, points: 10.0, data_source: "国土空间生态修复监管系统 / Ecological restoration supervision system", target_text: None },
    IndicatorSpec { key: "hazard_sites", level2: Level2::Quantity, origin: IndicatorOrigin::Individual, name_zh: "地质灾害隐患点综合治理", name_en: "Geological hazard sites remediated", unit: "处", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 300.0, baseline: 280.0, points: 10.0, data_source: "省地质灾害防治管理系统 / Geological hazard management system", target_text: None },
    IndicatorSpec { key: "realscene_area", level2: Level2::Quantity, origin: IndicatorOrigin::Individual, name_zh: "实景三维数据生产面积", name_en: "Area of 3D real-scene data produced", unit: "平方公里", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 10000.0, baseline: 9000.0, points: 8.0, data_source: "省测绘成果汇交系统 / Surveying results registry", target_text: None },
    IndicatorSpec { key: "afforestation_survival", level2: Level2::Quality, origin: IndicatorOrigin::Individual, name_zh: "造林成活率", name_en: "Afforestation survival rate", unit: "%", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 90.0, baseline: 88.0, points: 5.0, data_source: "省森林资源监测中心核查报告 / Forest monitoring center inspection report", target_text: None },
    IndicatorSpec { key: "registration_days", level2: Level2::Timeliness, origin: IndicatorOrigin::Individual, name_zh: "不动产登记平均办理时间", name_en: "Average processing time for real estate registration", unit: "天", direction: Direction::LowerBetter, accumulation: Accumulation::Level, target: 3.0, baseline: 3.5, points: 5.0, data_source: "不动产登记信息平台 / Real estate registration platform", target_text: None },
    IndicatorSpec { key: "forest_coverage", level2: Level2::Ecological, origin: IndicatorOrigin::Individual, name_zh: "森林覆盖率", name_en: "Forest coverage", unit: "%", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 61.3, baseline: 61.2, points: 10.0, data_source: "省森林资源年度监测 / Forest resources annual monitoring", target_text: None },
    IndicatorSpec { key: "new_farmland", level2: Level2::Sustainability, origin: IndicatorOrigin::Individual, name_zh: "新增耕地面积", name_en: "Newly added cultivated land", unit: "万亩", direction: Direction::HigherBetter, accumulation: Accumulation::Cumulative, target: 10.0, baseline: 9.2, points: 7.0, data_source: "国土变更调查 / Annual land-use change survey", target_text: None },
    IndicatorSpec { key: "geo_casualties", level2: Level2::Social, origin: IndicatorOrigin::Individual, name_zh: "地质灾害造成人员伤亡", name_en: "Casualties caused by geological hazards", unit: "人", direction: Direction::ZeroTarget, accumulation: Accumulation::Cumulative, target: 0.0, baseline: 0.0, points: 7.0, data_source: "省地质灾害防治管理系统 / Geological hazard management system", target_text: None },
    IndicatorSpec { key: "spatial_plans", level2: Level2::Sustainability, origin: IndicatorOrigin::Individual, name_zh: "国土空间规划体系建设", name_en: "Territorial spatial planning system", unit: "", direction: Direction::Qualitative, accumulation: Accumulation::Level, target: 0.0, baseline: 0.0, points: 6.0, data_source: "省政府批复文件 / Provincial government approvals", target_text: Some("完成全省市县国土空间总体规划审批; Municipal and county territorial spatial master plans all approved") },
    IndicatorSpec { key: "registration_satisfaction", level2: Level2::ServiceRecipients, origin: IndicatorOrigin::Common, name_zh: "不动产登记群众满意度", name_en: "Public satisfaction with real estate registration", unit: "%", direction: Direction::HigherBetter, accumulation: Accumulation::Level, target: 95.0, baseline: 94.0, points: 10.0, data_source: "第三方满意度调查 / Third-party satisfaction survey", target_text: None },
];

pub static DEPARTMENTS: &[DepartmentSpec] = &[
    DepartmentSpec {
        code: "EDU",
        name_zh: "浙江省教育厅",
        name_en: "Zhejiang Provincial Department of Education",
        sector: Sector::Education,
        units: EDU_UNITS,
        personnel_wan: 12800,
        operations_wan: 3200,
        projects: EDU_PROJECTS,
        indicators: EDU_INDICATORS,
    },
    DepartmentSpec {
        code: "HEALTH",
        name_zh: "浙江省卫生健康委员会",
        name_en: "Health Commission of Zhejiang Province",
        sector: Sector::Health,
        units: HEALTH_UNITS,
        personnel_wan: 15600,
        operations_wan: 4100,
        projects: HEALTH_PROJECTS,
        indicators: HEALTH_INDICATORS,
    },
    DepartmentSpec {
        code: "TRANS",
        name_zh: "浙江省交通运输厅",
        name_en: "Zhejiang Provincial Department of Transportation",
        sector: Sector::Transport,
        units: TRANS_UNITS,
        personnel_wan: 9800,
        operations_wan: 2600,
        projects: TRANS_PROJECTS,
        indicators: TRANS_INDICATORS,
    },
    DepartmentSpec {
        code: "ECOENV",
        name_zh: "浙江省生态环境厅",
        name_en: "Department of Ecology and Environment of Zhejiang Province",
        sector: Sector::EcologyEnvironment,
        units: ECOENV_UNITS,
        personnel_wan: 6200,
        operations_wan: 1900,
        projects: ECOENV_PROJECTS,
        indicators: ECOENV_INDICATORS,
    },
    DepartmentSpec {
        code: "AGRI",
        name_zh: "浙江省农业农村厅",
        name_en: "Department of Agriculture and Rural Affairs of Zhejiang Province",
        sector: Sector::Agriculture,
        units: AGRI_UNITS,
        personnel_wan: 8600,
        operations_wan: 2300,
        projects: AGRI_PROJECTS,
        indicators: AGRI_INDICATORS,
    },
    DepartmentSpec {
        code: "CIVIL",
        name_zh: "浙江省民政厅",
        name_en: "Department of Civil Affairs of Zhejiang Province",
        sector: Sector::CivilAffairs,
        units: CIVIL_UNITS,
        personnel_wan: 4200,
        operations_wan: 1300,
        projects: CIVIL_PROJECTS,
        indicators: CIVIL_INDICATORS,
    },
    DepartmentSpec {
        code: "WATER",
        name_zh: "浙江省水利厅",
        name_en: "Department of Water Resources of Zhejiang Province",
        sector: Sector::WaterResources,
        units: WATER_UNITS,
        personnel_wan: 5600,
        operations_wan: 1700,
        projects: WATER_PROJECTS,
        indicators: WATER_INDICATORS,
    },
    DepartmentSpec {
        code: "SCITECH",
        name_zh: "浙江省科学技术厅",
        name_en: "Department of Science and Technology of Zhejiang Province",
        sector: Sector::ScienceTechnology,
        units: SCITECH_UNITS,
        personnel_wan: 3600,
        operations_wan: 1100,
        projects: SCITECH_PROJECTS,
        indicators: SCITECH_INDICATORS,
    },
    DepartmentSpec {
        code: "CULTOUR",
        name_zh: "浙江省文化广电和旅游厅",
        name_en: "Department of Culture, Radio, Television and Tourism of Zhejiang Province",
        sector: Sector::CultureTourism,
        units: CULTOUR_UNITS,
        personnel_wan: 7400,
        operations_wan: 2100,
        projects: CULTOUR_PROJECTS,
        indicators: CULTOUR_INDICATORS,
    },
    DepartmentSpec {
        code: "HRSS",
        name_zh: "浙江省人力资源和社会保障厅",
        name_en: "Department of Human Resources and Social Security of Zhejiang Province",
        sector: Sector::HumanResources,
        units: HRSS_UNITS,
        personnel_wan: 5200,
        operations_wan: 1600,
        projects: HRSS_PROJECTS,
        indicators: HRSS_INDICATORS,
    },
    DepartmentSpec {
        code: "HOUSING",
        name_zh: "浙江省住房和城乡建设厅",
        name_en: "Department of Housing and Urban-Rural Development of Zhejiang Province",
        sector: Sector::Housing,
        units: HOUSING_UNITS,
        personnel_wan: 3900,
        operations_wan: 1200,
        projects: HOUSING_PROJECTS,
        indicators: HOUSING_INDICATORS,
    },
    DepartmentSpec {
        code: "EMERG",
        name_zh: "浙江省应急管理厅",
        name_en: "Department of Emergency Management of Zhejiang Province",
        sector: Sector::EmergencyManagement,
        units: EMERG_UNITS,
        personnel_wan: 4800,
        operations_wan: 1500,
        projects: EMERG_PROJECTS,
        indicators: EMERG_INDICATORS,
    },
    DepartmentSpec {
        code: "COMMERCE",
        name_zh: "浙江省商务厅",
        name_en: "Department of Commerce of Zhejiang Province",
        sector: Sector::Commerce,
        units: COMMERCE_UNITS,
        personnel_wan: 3400,
        operations_wan: 1000,
        projects: COMMERCE_PROJECTS,
        indicators: COMMERCE_INDICATORS,
    },
    DepartmentSpec {
        code: "NATRES",
        name_zh: "浙江省自然资源厅",
        name_en: "Department of Natural Resources of Zhejiang Province",
        sector: Sector::NaturalResources,
        units: NATRES_UNITS,
        personnel_wan: 7800,
        operations_wan: 2200,
        projects: NATRES_PROJECTS,
        indicators: NATRES_INDICATORS,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_domain::framework::Level1;
    use std::collections::HashSet;

    fn points(dept: &DepartmentSpec, level1: Level1) -> f64 {
        dept.indicators
            .iter()
            .filter(|i| i.level2.level1() == level1)
            .map(|i| i.points)
            .sum()
    }

    fn is_output(level2: Level2) -> bool {
        level2.level1() == Level1::Output
    }

    #[test]
    fn one_department_per_sector() {
        assert_eq!(DEPARTMENTS.len(), 14);
        let sectors: HashSet<Sector> = DEPARTMENTS.iter().map(|d| d.sector).collect();
        assert_eq!(sectors.len(), DEPARTMENTS.len(), "a sector appears twice");
        assert_eq!(
            sectors.len(),
            Sector::ALL.len(),
            "some sector has no department"
        );
    }

    #[test]
    fn codes_are_well_formed_and_unique() {
        let mut dept_codes = HashSet::new();
        let mut unit_codes = HashSet::new();
        for d in DEPARTMENTS {
            assert!(
                (2..=8).contains(&d.code.len()) && d.code.bytes().all(|b| b.is_ascii_uppercase()),
                "department code {:?} is not 2-8 uppercase ASCII letters",
                d.code
            );
            assert!(
                dept_codes.insert(d.code),
                "duplicate department code {}",
                d.code
            );
            assert!(!d.name_zh.is_empty() && !d.name_en.is_empty(), "{}", d.code);
            assert!((2..=3).contains(&d.units.len()), "{}: 2-3 units", d.code);
            for u in d.units {
                assert!(unit_codes.insert(u.code), "duplicate unit code {}", u.code);
                assert!(!u.name_zh.is_empty() && !u.name_en.is_empty(), "{}", u.code);
            }
            let mut project_codes = HashSet::new();
            for p in d.projects {
                assert!(
                    project_codes.insert(p.code),
                    "{}: duplicate project code {}",
                    d.code,
                    p.code
                );
            }
        }
    }

    #[test]
    fn budgets_are_in_range() {
        let mut province = 0;
        for d in DEPARTMENTS {
            assert!(
                (3_000..=20_000).contains(&d.personnel_wan),
                "{} personnel",
                d.code
            );
            assert!(
                (800..=5_000).contains(&d.operations_wan),
                "{} operations",
                d.code
            );
            assert!(
                (2..=4).contains(&d.projects.len()),
                "{}: 2-4 projects",
                d.code
            );
            assert!(d.projects.iter().all(|p| p.amount_wan > 0), "{}", d.code);
            let total: i64 = d.projects.iter().map(|p| p.amount_wan).sum();
            assert!(
                (20_000..=300_000).contains(&total),
                "{}: projects total {total} 万元",
                d.code
            );
            province += total;
        }
        assert!(province > 100_000, "province total {province} 万元");
    }

    #[test]
    fn projects_pay_for_output_indicators_of_their_department() {
        for d in DEPARTMENTS {
            for p in d.projects {
                if let Some(unit) = p.unit {
                    assert!(
                        unit < d.units.len(),
                        "{}: unit index {unit} out of range",
                        p.code
                    );
                }
                assert!(!p.pays_for.is_empty(), "{} pays for nothing", p.code);
                for key in p.pays_for {
                    assert!(
                        d.indicators.iter().any(|i| i.key == *key),
                        "{} pays for unknown indicator {key}",
                        p.code
                    );
                }
                assert!(
                    d.indicators
                        .iter()
                        .any(|i| p.pays_for.contains(&i.key) && is_output(i.level2)),
                    "{} pays for no output indicator",
                    p.code
                );
            }
        }
    }

    #[test]
    fn points_are_50_30_10() {
        for d in DEPARTMENTS {
            assert!(
                (9..=12).contains(&d.indicators.len()),
                "{}: 9-12 indicators",
                d.code
            );
            assert_eq!(points(d, Level1::Output), 50.0, "{} output", d.code);
            assert_eq!(points(d, Level1::Effect), 30.0, "{} effect", d.code);
            assert_eq!(
                points(d, Level1::Satisfaction),
                10.0,
                "{} satisfaction",
                d.code
            );
            assert_eq!(
                points(d, Level1::BudgetExecution),
                0.0,
                "{}: seeder adds it",
                d.code
            );
            for i in d.indicators {
                assert!(
                    i.points > 0.0 && (i.points * 2.0).fract() == 0.0,
                    "{}.{}: points must be whole or .5",
                    d.code,
                    i.key
                );
                assert_ne!(i.level2, Level2::ExecutionRate, "{}.{}", d.code, i.key);
                assert_ne!(
                    i.direction,
                    Direction::BudgetExecution,
                    "{}.{}",
                    d.code,
                    i.key
                );
            }
        }
    }

    #[test]
    fn origins_keys_and_satisfaction() {
        for d in DEPARTMENTS {
            let key_work = d
                .indicators
                .iter()
                .filter(|i| i.origin == IndicatorOrigin::KeyWork)
                .count();
            assert_eq!(key_work, 1, "{}: exactly one key work target", d.code);

            let mut keys = HashSet::new();
            for i in d.indicators {
                assert!(keys.insert(i.key), "{}: duplicate key {}", d.code, i.key);
                assert!(
                    !i.key.is_empty()
                        && i.key
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                    "{}: key {:?} is not snake_case",
                    d.code,
                    i.key
                );
                assert!(
                    !i.name_zh.is_empty() && !i.name_en.is_empty(),
                    "{}.{}",
                    d.code,
                    i.key
                );
                assert!(!i.data_source.is_empty(), "{}.{}", d.code, i.key);
            }

            let satisfaction: Vec<_> = d
                .indicators
                .iter()
                .filter(|i| i.level2 == Level2::ServiceRecipients)
                .collect();
            assert_eq!(
                satisfaction.len(),
                1,
                "{}: one satisfaction indicator",
                d.code
            );
            let s = satisfaction[0];
            assert_eq!(s.origin, IndicatorOrigin::Common, "{}.{}", d.code, s.key);
            assert_eq!(s.direction, Direction::HigherBetter, "{}.{}", d.code, s.key);
            assert_eq!(s.accumulation, Accumulation::Level, "{}.{}", d.code, s.key);
            assert_eq!(s.unit, "%", "{}.{}", d.code, s.key);
        }
    }

    #[test]
    fn directions_targets_and_accumulation() {
        let mut with_zero = 0;
        let mut with_qualitative = 0;
        for d in DEPARTMENTS {
            assert!(
                d.indicators
                    .iter()
                    .any(|i| i.direction == Direction::LowerBetter),
                "{}: needs a lower-better indicator",
                d.code
            );
            with_zero += d
                .indicators
                .iter()
                .any(|i| i.direction == Direction::ZeroTarget) as usize;
            with_qualitative +=
                d.indicators
                    .iter()
                    .any(|i| i.direction == Direction::Qualitative) as usize;
            for i in d.indicators {
                let at = format!("{}.{}", d.code, i.key);
                assert!(i.target.is_finite() && i.baseline.is_finite(), "{at}");
                match i.direction {
                    Direction::ZeroTarget => {
                        assert_eq!(i.target, 0.0, "{at}");
                        assert_eq!(i.baseline, 0.0, "{at}");
                        assert_eq!(i.accumulation, Accumulation::Cumulative, "{at}");
                        assert!(i.target_text.is_none(), "{at}");
                    }
                    Direction::Qualitative => {
                        assert_eq!(i.target, 0.0, "{at}");
                        assert_eq!(i.baseline, 0.0, "{at}");
                        assert_eq!(i.accumulation, Accumulation::Level, "{at}");
                        let text = i.target_text.unwrap_or_default();
                        assert!(
                            text.contains("; "),
                            "{at}: target_text is \"中文; English\""
                        );
                    }
                    _ => {
                        assert!(i.target > 0.0, "{at}: target must be > 0");
                        assert!(i.baseline > 0.0, "{at}: baseline must be > 0");
                        assert!(i.target_text.is_none(), "{at}");
                        assert!(!i.unit.is_empty(), "{at}: needs a unit");
                        let ratio = i.baseline / i.target;
                        assert!(
                            (0.8..=1.2).contains(&ratio),
                            "{at}: baseline far from target"
                        );
                    }
                }
            }
        }
        assert!(
            (5..=9).contains(&with_zero),
            "{with_zero} departments with a zero target"
        );
        assert!(
            (5..=9).contains(&with_qualitative),
            "{with_qualitative} departments with a qualitative indicator"
        );
    }
}
