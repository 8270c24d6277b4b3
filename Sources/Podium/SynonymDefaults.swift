import SearchQuery

/// The synonyms searches use when neither the index nor the search names a synonyms file: the text of
/// `Docs/synonyms.toml` (a test keeps the two equal), which a user copies to edit.
enum SynonymDefaults {
    /// The default synonyms file's text.
    static let text = #"""
        # Podium synonyms: words, abbreviations and phrases a query may use for one another.
        #
        # Each line `word = ["other", "another"]` makes a group: a query word (or run of words) that matches any
        # member is also searched as each of the others, a phrase where it has several words. Members are matched
        # as analyzed terms, so `IP` matches `ip` and `WHO` the acronym (not the word "who"); a quoted phrase in a
        # query is searched as typed. Keys with spaces or Chinese are quoted.
        #
        # [synonyms] applies to every search. [cross-language] pairs words of two languages and applies only with
        # `podium search --cross-language`, so that an English query finds Chinese statements and the reverse.
        # A mistake here is reported with its line number.

        [synonyms]
        IP = ["intellectual property"]
        IPR = ["intellectual property rights"]
        NEV = ["new energy vehicle", "new-energy vehicles"]
        EV = ["electric vehicle"]
        WHO = ["World Health Organization"]
        WTO = ["World Trade Organization"]
        DPRK = ["North Korea", "Democratic People's Republic of Korea"]
        ROK = ["South Korea", "Republic of Korea"]
        BRI = ["Belt and Road Initiative", "Belt and Road"]
        FOCAC = ["Forum on China-Africa Cooperation"]
        SCS = ["South China Sea"]
        THAAD = ["Terminal High Altitude Area Defense"]
        INF = ["Intermediate-Range Nuclear Forces"]
        UNFCCC = ["UN Framework Convention on Climate Change"]
        UN = ["United Nations"]
        UNSC = ["UN Security Council", "Security Council"]
        EU = ["European Union"]
        ASEAN = ["Association of Southeast Asian Nations"]
        SCO = ["Shanghai Cooperation Organization"]
        APEC = ["Asia-Pacific Economic Cooperation"]
        COVID = ["coronavirus", "COVID-19"]
        GHG = ["greenhouse gas"]
        "5G" = ["fifth generation"]
        "new energy" = ["clean energy"]
        "global warming" = ["climate change"]

        [cross-language]
        "知识产权" = ["intellectual property"]
        "专利" = ["patent"]
        "商标" = ["trademark"]
        "版权" = ["copyright"]
        "技术转让" = ["technology transfer"]
        "碳中和" = ["carbon neutrality"]
        "碳达峰" = ["carbon peak", "peak carbon"]
        "气候变化" = ["climate change"]
        "巴黎协定" = ["Paris Agreement"]
        "碳排放" = ["carbon emissions"]
        "减排" = ["emission reduction"]
        "新能源" = ["new energy"]
        "新能源汽车" = ["new energy vehicle", "new-energy vehicles"]
        "清洁能源" = ["clean energy"]
        "可再生能源" = ["renewable energy"]
        "绿色发展" = ["green development"]
        "光伏" = ["photovoltaic"]
        "电动汽车" = ["electric vehicle"]
        "贸易战" = ["trade war"]
        "贸易摩擦" = ["trade friction"]
        "关税" = ["tariff"]
        "世贸组织" = ["WTO", "World Trade Organization"]
        "市场准入" = ["market access"]
        "保护主义" = ["protectionism"]
        "大豆" = ["soybean"]
        "疫情" = ["epidemic", "pandemic"]
        "新冠肺炎" = ["COVID-19", "novel coronavirus"]
        "公共卫生" = ["public health"]
        "世卫组织" = ["WHO", "World Health Organization"]
        "世界卫生组织" = ["World Health Organization"]
        "疫苗" = ["vaccine"]
        "口罩" = ["masks"]
        "埃博拉" = ["Ebola"]
        "实体清单" = ["Entity List"]
        "出口管制" = ["export control"]
        "华为" = ["Huawei"]
        "中兴" = ["ZTE"]
        "半导体" = ["semiconductor"]
        "芯片" = ["chip"]
        "国家安全" = ["national security"]
        "朝鲜半岛" = ["Korean Peninsula"]
        "半岛无核化" = ["denuclearization"]
        "朝鲜" = ["DPRK", "North Korea"]
        "南海" = ["South China Sea"]
        "航行自由" = ["freedom of navigation"]
        "台湾问题" = ["Taiwan question"]
        "台湾" = ["Taiwan"]
        "导弹" = ["missile"]
        "萨德" = ["THAAD"]
        "军控" = ["arms control"]
        "中导条约" = ["INF Treaty"]
        "一带一路" = ["Belt and Road"]
        "减贫" = ["poverty reduction"]
        "扶贫" = ["poverty alleviation"]
        "基础设施" = ["infrastructure"]
        "债务陷阱" = ["debt trap"]
        "南南合作" = ["South-South cooperation"]
        "中非合作论坛" = ["FOCAC"]
        "可持续发展" = ["sustainable development"]
        """#

    /// The default synonyms, read once.
    static let set: SynonymSet = {
        do throws(PodiumError) { return try SynonymFile.parse(text, name: "the built-in synonyms") } catch {
            preconditionFailure("the built-in synonyms do not read: \(error.message)")
        }
    }()
}
