import type { Language } from './language.js';

/**
 * How the demo region's fictional countries name a priority objective of the Global Compact in
 * their answer to V.a (services/demo-coding.ts): plain phrases a ministry would write, two per
 * objective and language, not the cue phrases of catalogue/objective-keywords.json copied out.
 */
export const OBJECTIVE_PHRASES: Record<Language, [string, string][]> = {
  fr: [
    [
      'améliorer la collecte de données sur les migrations',
      'créer un observatoire national des migrations et publier des statistiques fiables',
    ],
    [
      'agir sur les causes profondes du départ, comme la pauvreté',
      'renforcer la résilience des régions touchées par les changements climatiques',
    ],
    [
      'informer les candidats au départ à chaque étape de la migration',
      "ouvrir des guichets d'information pour les migrants",
    ],
    [
      "doter chaque migrant d'une identité légale et de papiers",
      "moderniser l'état civil consulaire pour délivrer des documents d'identité",
    ],
    [
      'développer des voies légales de migration de travail',
      'conclure des accords bilatéraux de mobilité de main-d’œuvre',
    ],
    [
      'garantir un recrutement équitable et un travail décent',
      "encadrer les agences de recrutement et l'inspection du travail",
    ],
    [
      'protéger les mineurs non accompagnés et les femmes migrantes',
      'réduire la vulnérabilité des migrants en situation irrégulière',
    ],
    [
      'renforcer les opérations de recherche et sauvetage en mer',
      'identifier les migrants disparus et informer leurs familles',
    ],
    [
      'démanteler les réseaux de trafic de migrants',
      'poursuivre les passeurs qui organisent le trafic illicite de migrants',
    ],
    ['lutter contre la traite des êtres humains', 'protéger les victimes de la traite'],
    ['moderniser la gestion intégrée des frontières', 'former les gardes-frontières aux droits des migrants'],
    [
      "améliorer l'orientation des migrants vers les services compétents dès leur arrivée",
      'mettre en place un dépistage et une évaluation individuelle des besoins',
    ],
    ['privilégier les alternatives à la rétention administrative', 'éviter la détention des enfants migrants'],
    [
      'renforcer la protection consulaire des ressortissants à l’étranger',
      "étendre l'assistance consulaire aux travailleurs expatriés",
    ],
    [
      "garantir l'accès aux services de base, santé et éducation",
      "ouvrir l'accès aux soins de santé à tous les migrants",
    ],
    ["favoriser l'intégration et la cohésion sociale", "soutenir l'inclusion sociale des migrants dans les villes"],
    [
      'combattre la discrimination et la xénophobie',
      'sensibiliser les médias contre le discours de haine envers les migrants',
    ],
    [
      'reconnaître les diplômes et les compétences des migrants',
      'développer la formation professionnelle et la reconnaissance des qualifications',
    ],
    ['mobiliser la diaspora pour le développement', 'encourager les investissements de la diaspora dans le pays'],
    ['réduire le coût des transferts de fonds', "faciliter les envois de fonds et l'inclusion financière des familles"],
    ['accompagner le retour volontaire et la réintégration durable', 'organiser la réadmission dans la dignité'],
    [
      'assurer la portabilité des droits à la sécurité sociale',
      'conclure des conventions de sécurité sociale pour les travailleurs migrants',
    ],
    ['approfondir la coopération régionale', 'renforcer les capacités avec le soutien des partenaires internationaux'],
  ],
  en: [
    ['better migration data collection', 'a national migration observatory publishing reliable statistics'],
    ['tackling root causes such as poverty', 'the resilience of regions hit by climate change'],
    ['informing people at every stage of migration', 'information desks for migrants'],
    [
      'legal identity and documents for every migrant',
      'modern consular civil registration to issue identity documents',
    ],
    ['legal pathways for labour migration', 'bilateral labour mobility agreements'],
    ['fair recruitment and decent work', 'oversight of recruitment agencies and labour inspection'],
    [
      'protecting unaccompanied minors and migrant women',
      'reducing the vulnerability of migrants in an irregular situation',
    ],
    ['search and rescue at sea', 'identifying missing migrants and informing their families'],
    ['dismantling migrant smuggling networks', 'prosecuting the smugglers of migrants'],
    ['combating human trafficking', 'protecting victims of trafficking'],
    ['integrated border management', 'training border guards in the rights of migrants'],
    ['screening and referral of migrants on arrival', 'individual assessment of needs by the competent services'],
    ['alternatives to immigration detention', 'ending the detention of migrant children'],
    ['consular protection of nationals abroad', 'consular assistance to workers abroad'],
    ['access to basic services, health and education', 'access to health care for all migrants'],
    ['integration and social cohesion', 'the social inclusion of migrants in cities'],
    ['combating discrimination and xenophobia', 'working with the media against hate speech towards migrants'],
    ['recognition of migrants’ diplomas and skills', 'vocational training and skills recognition'],
    ['engaging the diaspora in development', 'diaspora investment in the country'],
    ['lowering the cost of remittances', 'cheaper remittances and the financial inclusion of families'],
    ['voluntary return and sustainable reintegration', 'readmission in dignity'],
    ['portability of social security entitlements', 'social security agreements for migrant workers'],
    ['deeper regional cooperation', 'capacity building with the support of international partners'],
  ],
  ar: [
    ['تحسين جمع البيانات عن الهجرة', 'إنشاء مرصد وطني للهجرة ينشر إحصاءات موثوقة'],
    ['معالجة الأسباب الجذرية للهجرة مثل الفقر', 'تعزيز قدرة المناطق المتضررة من تغير المناخ على الصمود'],
    ['توعية المهاجرين في كل مرحلة من مراحل الهجرة', 'فتح مكاتب معلومات للمهاجرين'],
    ['تمكين كل مهاجر من هوية قانونية ووثائق', 'تحديث السجل المدني القنصلي لإصدار وثائق الهوية'],
    ['تطوير مسارات الهجرة النظامية للعمل', 'إبرام اتفاقات ثنائية لتنقل اليد العاملة'],
    ['ضمان التوظيف العادل والعمل اللائق', 'مراقبة وكالات التوظيف وتفتيش العمل'],
    ['حماية القاصرين غير المصحوبين والنساء المهاجرات', 'الحد من هشاشة المهاجرين في وضع غير نظامي'],
    ['تعزيز عمليات البحث والإنقاذ في البحر', 'تحديد هوية المهاجرين المفقودين وإبلاغ أسرهم'],
    ['تفكيك شبكات تهريب المهاجرين', 'ملاحقة المهربين الذين ينظمون تهريب المهاجرين'],
    ['مكافحة الاتجار بالبشر', 'حماية ضحايا الاتجار'],
    ['تحديث الإدارة المتكاملة للحدود', 'تدريب حرس الحدود على حقوق المهاجرين'],
    ['فرز المهاجرين وإحالتهم إلى الخدمات المختصة عند الوصول', 'تقييم احتياجات كل مهاجر وإحالته'],
    ['اللجوء إلى بدائل الاحتجاز الإداري', 'إنهاء احتجاز الأطفال المهاجرين'],
    ['تعزيز الحماية القنصلية للمواطنين في الخارج', 'توسيع المساعدة القنصلية للعمال في الخارج'],
    ['ضمان الحصول على الخدمات الأساسية من صحة وتعليم', 'إتاحة الرعاية الصحية لجميع المهاجرين'],
    ['تشجيع الإدماج والتماسك الاجتماعي', 'دعم الإدماج الاجتماعي للمهاجرين في المدن'],
    ['مكافحة التمييز وكراهية الأجانب', 'توعية وسائل الإعلام بخطاب الكراهية تجاه المهاجرين'],
    ['الاعتراف بشهادات المهاجرين ومهاراتهم', 'تطوير التدريب المهني والاعتراف بالمؤهلات'],
    ['إشراك الجاليات في التنمية', 'تشجيع استثمارات المغتربين في البلد'],
    ['خفض تكلفة التحويلات المالية', 'تيسير تحويلات المهاجرين والشمول المالي للأسر'],
    ['مرافقة العودة الطوعية وإعادة الإدماج المستدام', 'تنظيم إعادة القبول بكرامة'],
    ['ضمان إمكانية نقل استحقاقات الضمان الاجتماعي', 'إبرام اتفاقات الضمان الاجتماعي للعمال المهاجرين'],
    ['تعميق التعاون الإقليمي', 'بناء القدرات بدعم من الشركاء الدوليين'],
  ],
};
